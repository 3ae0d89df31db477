package com.pagenow.userapi.adapter.persistence;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A read statement built with jOOQ, rendered once, and run through JDBC with its values bound by name. Rendering a
 * point read with jOOQ on every request cost the service more CPU than the rest of the request (JFR, issue 14);
 * the search statements are sent the same way ({@link JooqUserSearchRepository}).
 * <p>
 * Build the query with the placeholders of a {@link Binds}, then {@link Binds#render}: the placeholders are told apart
 * by their sentinel values, so a value used twice is bound twice, in the order the dialect renders them.
 */
final class RenderedRead {

    private final String sql;
    private final String[] bindNames;
    private final Field<?>[] fields;

    private RenderedRead(String sql, String[] bindNames, Field<?>[] fields) {
        this.sql = sql;
        this.bindNames = bindNames;
        this.fields = fields;
    }

    /** The rows, typed as the query's select list; {@code values} names every placeholder of the query. */
    Result<Record> fetch(DSLContext dsl, Map<String, ?> values) {
        Object[] bound = new Object[bindNames.length];
        for (int at = 0; at < bindNames.length; at++) {
            if (!values.containsKey(bindNames[at])) {
                throw new IllegalArgumentException("no value for " + bindNames[at]);
            }
            bound[at] = values.get(bindNames[at]);
        }
        return DatabaseFailures.translating(() -> dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int at = 0; at < bound.length; at++) {
                    statement.setObject(at + 1, bound[at]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, fields);
                }
            }
        }));
    }

    /**
     * The rows of a query that selects exactly {@code table}'s columns in their order ({@code selectFrom(table)}), as
     * the table's records, copied by position: {@code Record.into(Table)} looks every field up by name, about 6 µs a
     * row of {@code user_table}, more than the rest of the mapping.
     */
    <R extends TableRecord<R>> List<R> fetchInto(DSLContext dsl, Map<String, ?> values, Table<R> table) {
        Field<?>[] columns = table.fields();
        boolean sameColumns = fields.length == columns.length;
        for (int at = 0; sameColumns && at < columns.length; at++) {
            sameColumns = fields[at].getName().equals(columns[at].getName());
        }
        if (!sameColumns) {
            throw new IllegalStateException("the query does not select exactly the columns of " + table.getName()
                    + " in their order");
        }
        Result<Record> rows = fetch(dsl, values);
        List<R> records = new ArrayList<>(rows.size());
        for (Record row : rows) {
            R record = dsl.newRecord(table);
            record.fromArray(row.intoArray());
            records.add(record);
        }
        return records;
    }

    String sql() {
        return sql;
    }

    /** The placeholder bound at each position, in order. */
    List<String> bindNames() {
        return List.of(bindNames);
    }

    /** The named placeholders of one query. */
    static final class Binds {

        private static final String MARK = "\u0000rendered-read:";
        private static final int FIRST_NUMBER = 1_900_000_000;

        private final Map<Object, String> names = new HashMap<>();

        Param<String> string(String name) {
            return add(name, DSL.val(MARK + name + "\u0000"));
        }

        /** A number placeholder (limits, offsets): told apart by a sentinel no request can send. */
        Param<Integer> integer(String name) {
            return add(name, DSL.val(FIRST_NUMBER + names.size()));
        }

        RenderedRead render(SQLDialect dialect, ResultQuery<?> query) {
            DSLContext renderer = DSL.using(dialect);
            List<String> order = new ArrayList<>();
            for (Object value : renderer.extractBindValues(query)) {
                String name = names.get(value);
                if (name == null) {
                    throw new IllegalArgumentException("a value of the query is not a placeholder: " + value);
                }
                order.add(name);
            }
            return new RenderedRead(renderer.render(query), order.toArray(String[]::new),
                    query.fields());
        }

        private <T> Param<T> add(String name, Param<T> placeholder) {
            if (names.containsValue(name)) {
                throw new IllegalArgumentException("placeholder " + name + " twice");
            }
            names.put(placeholder.getValue(), name);
            return placeholder;
        }
    }
}
