package com.pagenow.userapi.adapter.persistence.jdbc;

import org.jooq.Converter;
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

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A read statement built with jOOQ, rendered once, and run through JDBC with its values bound by typed handles.
 * Rendering a point read with jOOQ on every request cost the service more CPU than the rest of the request (JFR,
 * issue 14); the search statements are sent the same way ({@code JooqUserSearchRepository}).
 * <p>
 * Build the query with the {@link Bind#param() placeholders} of a {@link Binds}, then {@link Binds#render}; run it with
 * {@code bind.to(value)} for each: a value of the wrong type does not compile, and a placeholder without a value is
 * refused before the database is asked. The placeholders are told apart by their sentinel values, so a value used
 * twice is bound twice, in the order the dialect renders them.
 */
public final class RenderedRead {

    private final String sql;
    private final UnaryOperator<RuntimeException> failures;
    private final Bind<?>[] bindOrder;
    private final Field<?>[] fields;
    private final ColumnReader[] readers;
    /** The table whose columns, and only those, the query was found to select: checked once, not per request. */
    private volatile Table<?> exactlyColumnsOf;

    private RenderedRead(String sql, UnaryOperator<RuntimeException> failures, Bind<?>[] bindOrder, Field<?>[] fields) {
        this.sql = sql;
        this.failures = failures;
        this.bindOrder = bindOrder;
        this.fields = fields;
        this.readers = new ColumnReader[fields.length];
        for (int at = 0; at < fields.length; at++) {
            readers[at] = ColumnReader.of(fields[at]);
        }
    }

    /** The rows, typed as the query's select list; {@code values} gives every placeholder of the query a value. */
    public Result<Record> fetch(DSLContext dsl, Value... values) {
        return query(dsl, values, rows -> dsl.fetch(rows, fields));
    }

    private <T> T query(DSLContext dsl, Value[] values, ResultReader<T> reader) {
        Object[] bound = new Object[bindOrder.length];
        for (int at = 0; at < bindOrder.length; at++) {
            bound[at] = valueOf(bindOrder[at], values);
        }
        try {
            return dsl.connectionResult(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int at = 0; at < bound.length; at++) {
                        statement.setObject(at + 1, bound[at]);
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        return reader.read(rows);
                    }
                }
            });
        } catch (RuntimeException failure) {
            // Sent straight through JDBC: no execute listener of jOOQ sees this statement fail.
            throw failures.apply(failure);
        }
    }

    /**
     * The rows of a query that selects exactly {@code table}'s columns in their order ({@code selectFrom(table)}), as
     * the table's records (see {@link #fetchRows}).
     */
    public <R extends TableRecord<R>> List<R> fetchInto(DSLContext dsl, Table<R> table, Value... values) {
        if (exactlyColumnsOf != table) {
            requireColumnsOf(table);
        }
        return fetchRows(dsl, row -> record(dsl, table, row), values);
    }

    /**
     * The rows, each column read with the JDBC getter for its Java type and put through the column's converter,
     * then made into a {@code T}: typing the row through {@code DSLContext.fetch(ResultSet, Field...)} and copying
     * it with {@code Record.into(Table)} cost more CPU than the rest of a point read (JFR, issue 14).
     */
    public <T> List<T> fetchRows(DSLContext dsl, RowMapper<T> mapper, Value... values) {
        return query(dsl, values, rows -> {
            List<T> mapped = new ArrayList<>();
            while (rows.next()) {
                Object[] row = new Object[readers.length];
                for (int at = 0; at < readers.length; at++) {
                    row[at] = readers[at].read(rows, at + 1);
                }
                mapped.add(mapper.map(row));
            }
            return mapped;
        });
    }

    /** A row of {@link #fetchRows} as a record of {@code table}, filled by position. */
    private static <R extends TableRecord<R>> R record(DSLContext dsl, Table<R> table, Object[] row) {
        R record = dsl.newRecord(table);
        record.fromArray(row);
        return record;
    }

    /**
     * Fails unless the query selects {@code table}'s columns in their order, and only them, as {@link #record} reads
     * them.
     */
    private void requireColumnsOf(Table<?> table) {
        Field<?>[] columns = table.fields();
        boolean same = fields.length == columns.length;
        for (int at = 0; same && at < columns.length; at++) {
            same = fields[at].getName().equals(columns[at].getName());
        }
        if (!same) {
            throw new IllegalStateException(
                    "the query does not select the columns of " + table.getName() + " in their order, and only them");
        }
        exactlyColumnsOf = table;
    }

    String sql() {
        return sql;
    }

    /** The name of the placeholder bound at each position, in order. */
    List<String> bindNames() {
        return Arrays.stream(bindOrder).map(Bind::name).toList();
    }

    /** The value given for {@code bind}; refuses a missing one and a value for a placeholder of another statement. */
    private static Object valueOf(Bind<?> bind, Value[] values) {
        for (Value value : values) {
            if (value.bind() == bind) {
                return value.value();
            }
        }
        throw new IllegalArgumentException("no value for " + bind.name());
    }

    /**
     * One placeholder of a statement: {@link #param()} goes into the query, {@link #to} gives it a value when the
     * statement runs.
     *
     * @param name what errors and tests call it
     * @param param the placeholder, with its sentinel value
     */
    public record Bind<T>(String name, Param<T> param) {

        public Value to(T value) {
            return new Value(this, value);
        }
    }

    /** A value for one {@link Bind}. */
    public record Value(Bind<?> bind, Object value) {}

    /** What {@link #fetchRows} makes of one row's values, in the order of the select list. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Object[] row);
    }

    /** What is made of a statement's rows. */
    @FunctionalInterface
    private interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** One column of a row, read with the getter for its Java type and turned into the field's type. */
    @FunctionalInterface
    private interface ColumnReader {

        Object read(ResultSet rows, int column) throws SQLException;

        @SuppressWarnings("unchecked")
        static ColumnReader of(Field<?> field) {
            Converter<Object, Object> converter = (Converter<Object, Object>) field.getConverter();
            ColumnReader stored = storedAs(converter.fromType());
            return converter.fromType() == converter.toType()
                    ? stored
                    : (rows, column) -> converter.from(stored.read(rows, column));
        }

        private static ColumnReader storedAs(Class<?> type) {
            if (type == String.class) {
                return ResultSet::getString;
            }
            if (type.isArray()) {
                Class<?> elements = type.getComponentType();
                return (rows, column) -> {
                    Array array = rows.getArray(column);
                    if (array == null) {
                        return null;
                    }
                    Object[] stored = (Object[]) array.getArray();
                    Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(elements, stored.length);
                    System.arraycopy(stored, 0, typed, 0, stored.length);
                    return typed;
                };
            }
            // Boolean, LocalDate, LocalDateTime, numbers: JDBC 4.1 converts, and a SQL NULL stays null.
            return (rows, column) -> rows.getObject(column, type);
        }
    }

    /**
     * The named placeholders of one query, and what its failures become ({@code failures}: the adapter's translation
     * of a database outage into the application's exception).
     */
    public static final class Binds {

        private static final String MARK = "\u0000rendered-read:";
        private static final int FIRST_NUMBER = 1_900_000_000;

        private final Map<Object, Bind<?>> binds = new HashMap<>();
        private final UnaryOperator<RuntimeException> failures;

        public Binds(UnaryOperator<RuntimeException> failures) {
            this.failures = Objects.requireNonNull(failures);
        }

        public Bind<String> string(String name) {
            return add(name, DSL.val(MARK + name + "\u0000"));
        }

        /** A number placeholder (limits, offsets): told apart by a sentinel no request can send. */
        public Bind<Integer> integer(String name) {
            return add(name, DSL.val(FIRST_NUMBER + binds.size()));
        }

        public RenderedRead render(SQLDialect dialect, ResultQuery<?> query) {
            DSLContext renderer = DSL.using(dialect);
            List<Bind<?>> order = new ArrayList<>();
            for (Object value : renderer.extractBindValues(query)) {
                Bind<?> bind = binds.get(value);
                if (bind == null) {
                    throw new IllegalArgumentException("a value of the query is not a placeholder: " + value);
                }
                order.add(bind);
            }
            return new RenderedRead(renderer.render(query), failures, order.toArray(Bind<?>[]::new), query.fields());
        }

        private <T> Bind<T> add(String name, Param<T> placeholder) {
            if (binds.values().stream().anyMatch(bind -> bind.name().equals(name))) {
                throw new IllegalArgumentException("placeholder " + name + " twice");
            }
            Bind<T> bind = new Bind<>(name, placeholder);
            binds.put(placeholder.getValue(), bind);
            return bind;
        }
    }
}
