package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.SqlStates;
import com.pagenow.userapi.application.error.DatabaseUnavailableException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import java.sql.SQLException;

/**
 * The one place that tells an outage of the database from a bug: a failure to get a connection, a lost
 * connection, a statement cancelled by its timeout, a server shutting down or out of resources, or a transaction
 * that lost a serialization race becomes {@link DatabaseUnavailableException}; anything else stays as it is.
 */
final class DatabaseFailures {

    private DatabaseFailures() {}

    /** {@code failure} as a {@link DatabaseUnavailableException} when the database is at fault, else unchanged. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DatabaseUnavailableException) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && SqlStates.isTransient(sql)) {
                return unavailable(sql);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return failure;
    }

    /**
     * Runs {@code work} (statements sent straight through JDBC, which no execute listener sees) and translates its
     * failure as {@link #translate} does.
     */
    static <T> T translating(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    static DatabaseUnavailableException unavailable(SQLException cause) {
        return new DatabaseUnavailableException("Database unavailable (SQLSTATE " + cause.getSQLState() + ")", cause);
    }

    /** Translates a failed statement before jOOQ throws it. */
    static ExecuteListener listener() {
        return new ExecuteListener() {
            @Override
            public void exception(ExecuteContext ctx) {
                RuntimeException failure = ctx.exception();
                if (failure != null) {
                    RuntimeException translated = translate(failure);
                    if (translated != failure) {
                        ctx.exception(translated);
                    }
                }
            }
        };
    }
}
