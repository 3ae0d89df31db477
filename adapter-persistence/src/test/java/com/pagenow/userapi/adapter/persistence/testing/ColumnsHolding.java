package com.pagenow.userapi.adapter.persistence.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which columns of which tables hold a value: every column of every base table of the schema, as information_schema
 * lists them today or after any later migration, compared as text (so arrays and JSON count), Flyway's history
 * aside. What a deleted account must not leave behind.
 */
public final class ColumnsHolding {

    private ColumnsHolding() {}

    /** "table.column" of each column, outside {@code ignoredTables}, that contains {@code value} in some row. */
    public static List<String> value(Connection connection, String value, Set<String> ignoredTables)
            throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.table_name <> 'flyway_schema_history'
                ORDER BY c.table_name, c.ordinal_position""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (!ignoredTables.contains(rows.getString(1))) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        List<String> holding = new ArrayList<>();
        for (String[] column : columns) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM \"" + column[0]
                    + "\" WHERE strpos(\"" + column[1] + "\"::text, ?) > 0)")) {
                statement.setString(1, value);
                try (ResultSet found = statement.executeQuery()) {
                    found.next();
                    if (found.getBoolean(1)) {
                        holding.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return holding;
    }
}
