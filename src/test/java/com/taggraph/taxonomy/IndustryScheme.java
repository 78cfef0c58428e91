package com.taggraph.taxonomy;

import java.util.ArrayList;
import java.util.List;

/**
 * A 4-level code table shaped like the national industry classification (GB/T 4754):
 * sections, divisions, groups and classes. 20 × 5 × 4 × 4 gives 2,120 classes.
 */
public final class IndustryScheme {

	private static final String[] SECTIONS = { "农、林、牧、渔业", "采矿业", "制造业", "电力、热力、燃气及水生产和供应业", "建筑业", "批发和零售业",
			"交通运输、仓储和邮政业", "住宿和餐饮业", "信息传输、软件和信息技术服务业", "金融业", "房地产业", "租赁和商务服务业", "科学研究和技术服务业", "水利、环境和公共设施管理业",
			"居民服务、修理和其他服务业", "教育", "卫生和社会工作", "文化、体育和娱乐业", "公共管理、社会保障和社会组织", "国际组织" };

	private IndustryScheme() {
	}

	/**
	 * CSV lines with header; every code starts with {@code prefix} so tests do not
	 * collide.
	 */
	public static List<String> lines(String prefix) {
		List<String> lines = new ArrayList<>();
		lines.add("code,parent,name,criterion,exclusive,exhaustive");
		for (int s = 0; s < SECTIONS.length; s++) {
			String section = prefix + (char) ('A' + s);
			lines.add("%s,,\"%s\",行业大类,true,false".formatted(section, SECTIONS[s]));
			for (int d = 1; d <= 5; d++) {
				String division = section + "%02d".formatted(s * 5 + d);
				lines.add("%s,%s,%s第%d大类,行业中类,true,false".formatted(division, section, SECTIONS[s], d));
				for (int g = 1; g <= 4; g++) {
					String group = division + g;
					// a quoted name with quotes inside, as spreadsheets write it: 中类A011
					// "细分"
					lines.add("%s,%s,\"中类%s \"\"细分\"\"\",行业小类,true,false".formatted(group, division, group));
					for (int c = 1; c <= 4; c++) {
						lines.add("%s,%s,小类%s·电力客户,,,".formatted(group + c, group, group + c));
					}
				}
			}
		}
		return lines;
	}

	public static String csv(String prefix) {
		return String.join("\n", lines(prefix)) + "\n";
	}

	/** A leaf class code and its expected chain, root first. */
	public static List<String> chainOfFirstLeaf(String prefix) {
		return List.of(prefix + "A", prefix + "A01", prefix + "A011", prefix + "A0111");
	}

}
