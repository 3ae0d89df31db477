package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;

import java.util.List;

import static com.pagenow.userapi.adapter.persistence.SqlRows.rows;

/** What PostgreSQL's catalog says about the four shared tables: columns, constraints, indexes, extensions. */
record SchemaSnapshot(List<String> columns, List<String> constraints, List<String> indexes, List<String> extensions) {

    static final String TABLES =
            "('user_table', 'friendship_table', 'share_notification_table', 'share_notification_seen_table')";

    static SchemaSnapshot of(TestDatabase database) {
        return new SchemaSnapshot(
                rows(database, """
                        SELECT table_name, ordinal_position, column_name, data_type, udt_name, column_default,
                               is_nullable, character_maximum_length
                        FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name IN %s
                        ORDER BY table_name, ordinal_position""".formatted(TABLES)),
                rows(database, """
                        SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)
                        FROM pg_constraint
                        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text IN %s
                        ORDER BY 1, 2""".formatted(TABLES)),
                rows(database, """
                        SELECT tablename, indexname, indexdef FROM pg_indexes
                        WHERE schemaname = 'public' AND tablename IN %s
                        ORDER BY 1, 2""".formatted(TABLES)),
                rows(database, "SELECT extname FROM pg_extension WHERE extname = 'uuid-ossp'"));
    }

    /** The same columns without their positions (a column dropped and added again gets a new position). */
    List<String> columnsWithoutPosition() {
        return columns.stream()
                .map(row -> row.replaceFirst("^([^|]*\\| )\\d+ \\| ", "$1"))
                .toList();
    }
}
