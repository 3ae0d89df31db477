package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.CleanupTask;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/** The cleanup work that deletions recorded, shared by every instance of the service. */
public interface AccountCleanupQueue {

    /**
     * Claims one task due at {@code now} that no other instance holds, runs {@code attempt} on it while holding
     * the claim, then removes it (the attempt answered true) or schedules its next attempt
     * ({@link CleanupTask#retryAt}), in the claim's own transaction.
     *
     * @param now the time tasks are due by
     * @param attempt runs the task; true when it is done
     * @return the task attempted, or empty when none is due
     */
    Optional<CleanupTask> attemptNext(Instant now, Predicate<CleanupTask> attempt);

    /**
     * How many tasks wait (for the metrics).
     *
     * @return the number of tasks not yet done
     */
    long pending();
}
