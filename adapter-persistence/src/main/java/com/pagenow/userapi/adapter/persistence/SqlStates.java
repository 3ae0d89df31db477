package com.pagenow.userapi.adapter.persistence;

import org.jooq.exception.DataAccessException;

/** The SQLSTATE codes this adapter reacts to, the same on PostgreSQL and H2. */
final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";
    /** A foreign key, deadlock, serialization failure: another transaction's commit changed what this one saw. */
    private static final java.util.Set<String> LOST_RACE = java.util.Set.of("23503", "40P01", "40001");

    private SqlStates() {
    }

    /** A unique index or primary key refused the row. */
    static boolean isUniqueViolation(DataAccessException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }

    /**
     * A transaction that a concurrent commit made fail and that may succeed when run again from the start: a
     * foreign key naming a row deleted meanwhile, a deadlock, a serialization failure.
     */
    static boolean isLostRace(Throwable failure) {
        // A pool that gave no connection in time throws an SQLException without a state (Set.contains(null) throws).
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && LOST_RACE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
