package com.pagenow.userapi.adapter.persistence;

import org.jooq.exception.DataAccessException;

/** The SQLSTATE codes this adapter reacts to, the same on PostgreSQL and H2. */
final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /** A unique index or primary key refused the row. */
    static boolean isUniqueViolation(DataAccessException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }
}
