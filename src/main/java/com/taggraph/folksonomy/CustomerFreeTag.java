package com.taggraph.folksonomy;

/**
 * One free tag on one customer: the spelling typed there, who put it on and when.
 *
 * @param normalized the free tag's normalised form, the key of its {@link FreeTag}
 */
public record CustomerFreeTag(String customerId, String text, String normalized, String by, String taggedAt) {
}
