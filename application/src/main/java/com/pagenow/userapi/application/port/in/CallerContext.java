package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user on whose behalf the current thread serves a request. Set by the inbound adapter around a call; read by
 * outbound adapters that route by caller (a caller reads their own writes when reads go to a replica).
 */
public final class CallerContext {

    private static final ThreadLocal<UserId> CURRENT = new ThreadLocal<>();

    private CallerContext() {}

    /**
     * Runs {@code work} as {@code caller}, restoring the previous caller afterwards.
     *
     * @param <T> what {@code work} returns
     * @param caller the user to run as
     * @param work what to run
     * @return what {@code work} returned
     */
    public static <T> T callAs(UserId caller, Supplier<T> work) {
        Objects.requireNonNull(caller, "caller");
        UserId previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * The caller of the request served on this thread, if any.
     *
     * @return the current caller, or empty outside a request
     */
    public static Optional<UserId> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
