package com.pagenow.userapi.adapter.rest.http.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether a quick read ({@code Router.quickGet}) runs on the IO thread that parsed it instead of on a worker thread.
 * <p>
 * Handing a request to a worker wakes that thread, and handing the connection back wakes the IO thread again: on 2
 * cores that was about a quarter of what a point read costs (docs/benchmarks.md, issue 14). But while a read runs
 * on an IO thread, the other connections of that thread wait, their {@code /ping} too. So quick reads run there
 * only while they come back fast: one that takes longer than {@code slow}, or ends in a 5xx (the database down or
 * slow, the pool without a free connection, the sign-in keys unreachable), sends them to the worker threads. They
 * come back after {@code hold}, with the first one on a worker that is fast again, so a database that stays slow
 * keeps them on the workers without costing any more IO-thread time. Until the first slow one, each IO thread may
 * wait once for as long as that read takes (at most the pool wait).
 */
public final class IoThreadReads {

    /** A point read takes well under a millisecond of its own; 50 ms means something it depends on is in trouble. */
    public static final Duration DEFAULT_SLOW = Duration.ofMillis(50);

    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(5);

    // Named as before the class moved to this package, so that its log lines stay as they were.
    private static final Logger LOG = LoggerFactory.getLogger("com.pagenow.userapi.adapter.rest.http.IoThreadReads");

    private final boolean enabled;
    private final long slowNanos;
    private final long holdNanos;
    private final LongSupplier nanoTime;
    private volatile boolean onIoThread;
    private volatile long heldSince;

    IoThreadReads(boolean enabled, Duration slow, Duration hold, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.slowNanos = slow.toNanos();
        this.holdNanos = hold.toNanos();
        this.nanoTime = nanoTime;
        this.onIoThread = enabled;
    }

    /** Quick reads on the IO threads while they are fast ({@code enabled}), or always on the worker threads. */
    public static IoThreadReads of(boolean enabled) {
        return new IoThreadReads(enabled, DEFAULT_SLOW, DEFAULT_HOLD, System::nanoTime);
    }

    /** Whether the next quick read may run on the IO thread that parsed it. */
    public boolean onIoThread() {
        return onIoThread;
    }

    /** Learns from a quick read that took {@code nanos} and answered {@code status}, wherever it ran. */
    public void completed(long nanos, int status) {
        boolean fast = nanos <= slowNanos && status < 500;
        if (!fast) {
            heldSince = nanoTime.getAsLong();
            if (onIoThread) {
                onIoThread = false;
                LOG.warn(
                        "A quick read took {} ms and answered {}: quick reads run on worker threads for at least {} s",
                        nanos / 1_000_000,
                        status,
                        holdNanos / 1_000_000_000);
            }
        } else if (!onIoThread && enabled && nanoTime.getAsLong() - heldSince >= holdNanos) {
            onIoThread = true;
            LOG.info("Quick reads are fast again: they run on the IO threads");
        }
    }
}
