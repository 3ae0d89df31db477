package com.pagenow.userapi.application.error;

/**
 * The database cannot be reached, refused the work for now, or did not answer within its time limits (connection
 * wait, statement or socket timeout); a retry may succeed. Thrown by persistence adapters instead of their own
 * errors so that callers can tell an outage from a bug.
 */
public class DatabaseUnavailableException extends RuntimeException {

    /**
     * An exception for a database that failed.
     *
     * @param message what failed, without SQL text or secrets
     * @param cause the driver's exception
     */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
