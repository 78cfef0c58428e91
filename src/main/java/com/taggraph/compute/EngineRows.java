package com.taggraph.compute;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine rows as GraphQL's JSON gives them to clients: one object per row keyed by
 * column, numbers and booleans as they are, anything else (dates, decimals' text, lists)
 * as text.
 */
final class EngineRows {

	private EngineRows() {
	}

	static List<Map<String, Object>> asJson(ResultSet result) throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		ResultSetMetaData meta = result.getMetaData();
		while (result.next()) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				Object value = result.getObject(i);
				row.put(meta.getColumnName(i), value == null || value instanceof Number || value instanceof Boolean
						? value : value.toString());
			}
			rows.add(row);
		}
		return rows;
	}

}
