package com.pagenow.userapi.adapter.persistence.jdbc;

import org.jooq.exception.DataAccessException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** The SQLSTATE codes this adapter reacts to, the same on PostgreSQL and H2. */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";
    /** A foreign key, deadlock, serialization failure: another transaction's commit changed what this one saw. */
    private static final Set<String> LOST_RACE = Set.of("23503", "40P01", "40001");

    /**
     * SQLSTATE classes and codes that a retry can cure: 08 connection exception, 53 insufficient resources, 57014
     * query cancelled (statement timeout), 57P01-57P03 shutdown or start-up, 40001/40P01 serialization failure or
     * deadlock, 55P03 lock not available.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");

    private static final Set<String> TRANSIENT_STATES =
            Set.of("57014", "57P01", "57P02", "57P03", "40001", "40P01", "55P03");

    private SqlStates() {}

    /** A failure of the database itself, which a retry may cure, rather than of the statement. */
    public static boolean isTransient(SQLException failure) {
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException) {
            return true;
        }
        String state = failure.getSQLState();
        return state != null
                && state.length() == 5
                && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state));
    }

    /** A unique index or primary key refused the row. */
    public static boolean isUniqueViolation(DataAccessException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }

    /**
     * A transaction that a concurrent commit made fail and that may succeed when run again from the start: a
     * foreign key naming a row deleted meanwhile, a deadlock, a serialization failure.
     */
    public static boolean isLostRace(Throwable failure) {
        // A pool that gave no connection in time throws an SQLException without a state (Set.contains(null) throws).
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && LOST_RACE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
