package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.out.AccountCleanupQueue;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.application.port.out.SignInAccounts;
import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.user.DeletedAccount;
import com.pagenow.userapi.domain.user.ProfileImageKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does the cleanup work that deletions recorded, on a thread of its own: every task that is due, then it waits
 * until {@link #wake} or the next poll. Each task is claimed in the database for the time of its attempt, so two
 * instances never work on the same task; a failed attempt is retried later with exponential backoff.
 */
public final class AccountCleanupService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AccountCleanupService.class.getName());

    private final AccountCleanupQueue queue;
    private final ProfileImageStorage images;
    private final SignInAccounts signIns;
    private final Clock clock;
    private final Duration pollInterval;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean closed;
    private Thread thread;

    /**
     * A cleanup that has not started.
     *
     * @param queue the recorded work
     * @param images where the profile images are deleted
     * @param signIns where the sign-in accounts are deleted
     * @param clock the time tasks are due by
     * @param pollInterval how long the worker waits for due work when not woken
     */
    public AccountCleanupService(
            AccountCleanupQueue queue,
            ProfileImageStorage images,
            SignInAccounts signIns,
            Clock clock,
            Duration pollInterval) {
        this.queue = Objects.requireNonNull(queue);
        this.images = Objects.requireNonNull(images);
        this.signIns = Objects.requireNonNull(signIns);
        this.clock = Objects.requireNonNull(clock);
        this.pollInterval = Objects.requireNonNull(pollInterval);
    }

    /**
     * Starts the worker thread, once; later calls do nothing.
     *
     * @return this service
     */
    public synchronized AccountCleanupService start() {
        if (thread == null) {
            thread = new Thread(this::run, "account-cleanup");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Looks for due work now (a deletion just committed). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Does every task due now, on the calling thread; answers how many it attempted.
     *
     * @return how many tasks were attempted
     */
    public int runDue() {
        int attempted = 0;
        while (!closed) {
            try {
                if (queue.attemptNext(clock.instant(), this::attempt).isEmpty()) {
                    break;
                }
                attempted++;
            } catch (RuntimeException databaseDown) {
                LOG.log(Level.WARNING, "Account cleanup could not read its work: {0}", databaseDown.getMessage());
                break;
            }
        }
        return attempted;
    }

    /**
     * Tasks done since start.
     *
     * @return the number of tasks done
     */
    public long done() {
        return done.get();
    }

    /**
     * Attempts that failed since start (each is retried later).
     *
     * @return the number of failed attempts
     */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /**
     * Tasks waiting, done by no instance yet.
     *
     * @return the number of tasks waiting
     */
    public long pending() {
        return queue.pending();
    }

    private boolean attempt(CleanupTask task) {
        try {
            switch (task.kind()) {
                case PROFILE_IMAGE -> {
                    // The tombstone's time does not matter for the keys: every extension an image may have.
                    for (ProfileImageKey key : new DeletedAccount(task.user(), Instant.EPOCH).profileImageKeys()) {
                        images.delete(key);
                    }
                }
                case SIGN_IN_ACCOUNT -> signIns.delete(task.user());
            }
            done.incrementAndGet();
            LOG.log(
                    Level.INFO,
                    "Account cleanup done: {0} of a deleted account (task {1}, after {2} failed attempts)",
                    new Object[] {task.kind().code(), task.id(), task.failedAttempts()});
            return true;
        } catch (RuntimeException failed) {
            failedAttempts.incrementAndGet();
            LOG.log(
                    Level.WARNING,
                    "Account cleanup failed: {0} of a deleted account (task {1}, attempt {2}),"
                            + " retrying at {3}: {4}",
                    new Object[] {
                        task.kind().code(),
                        task.id(),
                        task.failedAttempts() + 1,
                        task.retryAt(clock.instant()),
                        failed.getMessage()
                    });
            return false;
        }
    }

    private void run() {
        while (!closed) {
            runDue();
            synchronized (signal) {
                if (!woken && !closed) {
                    try {
                        signal.wait(pollInterval.toMillis());
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(15_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
