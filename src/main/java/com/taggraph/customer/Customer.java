package com.taggraph.customer;

import java.util.Map;

/**
 * One customer (用电客户). {@code id} is the account number (户号); the ledger attributes
 * (supply unit, tariff, …) are kept as they came.
 */
public record Customer(String id, String name, Map<String, Object> attributes) {
}
