package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.port.in.event.LiveEventSink;
import com.pagenow.userapi.application.port.in.event.LiveEventSubscription;
import com.pagenow.userapi.application.port.in.event.StreamCapacityException;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsCommand;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsUseCase;
import com.pagenow.userapi.application.port.in.event.TooManyStreamsException;
import com.pagenow.userapi.application.port.out.LiveEventFeed;
import com.pagenow.userapi.application.port.out.LiveEventSignals;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open live event streams of this instance. Each stream keeps the id of the last event it sent and reads what
 * follows from the {@link LiveEventFeed} whenever a signal names its user (or may have been missed), so every event
 * reaches it once and in order, whether the signal comes early, late, twice or after a reconnect. Reading runs on
 * a small pool of its own; sending must not block. Also forgets outbox events older than the retention, in batches.
 */
public final class LiveEventService implements SubscribeToLiveEventsUseCase, LiveEventSignals.Listener, AutoCloseable {

    // The application module depends on the JDK only; java.util.logging reaches SLF4J through bootstrap's bridge
    // or prints to stderr.
    private static final Logger LOG = Logger.getLogger(LiveEventService.class.getName());

    static final int BATCH = 100;

    /**
     * Limits and timings; {@link #DEFAULTS} is what production uses.
     *
     * @param maxStreams the most streams this instance holds
     * @param retention how long the outbox keeps an event
     * @param purgeInterval how often old events are purged
     * @param purgeBatch the most events one purge statement deletes
     * @param retryAfterFailure how long to wait after a failed read before trying again
     */
    public record Settings(
            int maxStreams, Duration retention, Duration purgeInterval, int purgeBatch, Duration retryAfterFailure) {

        /**
         * What production uses: 4,000 streams, events kept 24 hours, purged every minute 1,000 at a time, a second's
         * wait after a failure. 4,000 streams fit a 512 MiB task (heap 160 MiB): measured at 7.4-11 kB of heap and
         * 18-19 kB resident a stream (docs/benchmarks.md, live events), 4,000 add about 44 MiB to a live set of about
         * 25 MiB and 76 MiB to about 250 MiB resident. 10,000 would fill most of the heap with streams alone.
         */
        public static final Settings DEFAULTS =
                new Settings(4_000, Duration.ofHours(24), Duration.ofMinutes(1), 1_000, Duration.ofSeconds(1));

        /**
         * Checks that the counts are at least 1 and the durations given.
         *
         * @param maxStreams the most streams this instance holds
         * @param retention how long the outbox keeps an event
         * @param purgeInterval how often old events are purged
         * @param purgeBatch the most events one purge statement deletes
         * @param retryAfterFailure how long to wait after a failed read before trying again
         */
        public Settings {
            if (maxStreams < 1 || purgeBatch < 1) {
                throw new IllegalArgumentException("maxStreams and purgeBatch must be at least 1");
            }
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(purgeInterval, "purgeInterval");
            Objects.requireNonNull(retryAfterFailure, "retryAfterFailure");
        }

        /**
         * These settings with another stream limit.
         *
         * @param max the most streams this instance holds
         * @return the new settings
         */
        public Settings withMaxStreams(int max) {
            return new Settings(max, retention, purgeInterval, purgeBatch, retryAfterFailure);
        }
    }

    private final LiveEventFeed feed;
    private final LiveEventSignals signals;
    private final Clock clock;
    private final Settings settings;
    private final Map<UserId, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService reading;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;
    private volatile boolean failing;

    /**
     * A service that has not started.
     *
     * @param feed where the streams read their events
     * @param signals tells which streams have new events
     * @param clock the time token expiries and the retention are measured against
     * @param settings the limits and timings
     */
    public LiveEventService(LiveEventFeed feed, LiveEventSignals signals, Clock clock, Settings settings) {
        this.feed = Objects.requireNonNull(feed);
        this.signals = Objects.requireNonNull(signals);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.reading = Executors.newFixedThreadPool(2, daemon("live-events-read"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("live-events-timer"));
    }

    /**
     * Starts listening for signals and the periodic purge of old outbox events.
     *
     * @return this service
     */
    public LiveEventService start() {
        signals.start(this);
        long every = settings.purgeInterval().toMillis();
        timer.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public LiveEventSubscription subscribe(SubscribeToLiveEventsCommand command) {
        if (closed) {
            throw new StreamCapacityException("The service is stopping");
        }
        // A token inside its verifier's clock skew is still accepted; a stream would end at once and the client
        // reconnect in a loop, so an expired token opens none.
        if (command.expiresAt() != null && !command.expiresAt().isAfter(clock.instant())) {
            throw new TokenRejectedException("Token has expired");
        }
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            throw new StreamCapacityException("This instance holds as many event streams as it may");
        }
        UserId user = command.caller().userId();
        Stream stream = new Stream(user, command.expiresAt());
        boolean[] added = new boolean[1];
        streams.compute(user, (key, mine) -> {
            Set<Stream> set = mine != null ? mine : ConcurrentHashMap.newKeySet();
            if (set.size() < STREAMS_PER_USER) {
                added[0] = set.add(stream);
            }
            return set;
        });
        if (!added[0]) {
            open.decrementAndGet();
            throw new TooManyStreamsException(STREAMS_PER_USER);
        }
        try {
            // Decided before the client hears that the stream is open: whatever commits after that, it gets.
            stream.cursor = startingPoint(user, command.resumeAfter());
        } catch (RuntimeException unavailable) {
            stream.cancel();
            throw unavailable;
        }
        return stream;
    }

    @Override
    public void recorded(Set<UserId> recipients) {
        for (UserId recipient : recipients) {
            Set<Stream> mine = streams.get(recipient);
            if (mine != null) {
                mine.forEach(Stream::wake);
            }
        }
    }

    @Override
    public void mayHaveMissed() {
        streams.values().forEach(mine -> mine.forEach(Stream::wake));
    }

    /** Their accounts were deleted: their streams on this instance end (signed out everywhere). */
    @Override
    public void deleted(Set<UserId> users) {
        for (UserId user : users) {
            Set<Stream> mine = streams.get(user);
            if (mine != null) {
                List.copyOf(mine).forEach(Stream::end);
            }
        }
    }

    /**
     * How many streams are open (reserved or started) on this instance.
     *
     * @return the number of open streams
     */
    public int openStreams() {
        return open.get();
    }

    /** Ends every stream (the clients reconnect, to another instance), stops listening and reading. */
    @Override
    public void close() {
        closed = true;
        signals.close();
        streams.values().forEach(mine -> mine.forEach(Stream::end));
        timer.shutdownNow();
        reading.shutdownNow();
    }

    /** Deletes what has passed the retention, a batch at a time, up to 100 batches per run. */
    void purge() {
        try {
            Instant cutoff = clock.instant().minus(settings.retention());
            for (int batch = 0; batch < 100 && !closed; batch++) {
                if (feed.deleteOlderThan(cutoff, settings.purgeBatch()) < settings.purgeBatch()) {
                    return;
                }
            }
        } catch (RuntimeException failed) {
            LOG.log(
                    Level.WARNING,
                    "Forgetting old live events failed; next try in " + settings.purgeInterval(),
                    failed);
        }
    }

    /**
     * Where a stream starts: after the event the client resumes after when that is one this user's stream has
     * given; after the latest event for a new stream; from the oldest kept event for an id ahead of the stream (a
     * client of another database), as the contract says.
     */
    private long startingPoint(UserId user, Long resumeAfter) {
        long latest = feed.latestId(user);
        if (resumeAfter == null) {
            return latest;
        }
        return resumeAfter <= latest ? resumeAfter : 0;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One client connection's stream. Reads are serialised per stream by {@link #pending}. */
    private final class Stream implements LiveEventSubscription {

        private final UserId user;
        private final Instant expiresAt;
        private final AtomicInteger pending = new AtomicInteger();
        private volatile LiveEventSink sink;
        private final AtomicBoolean ended = new AtomicBoolean();
        /** Id of the last event sent; set by {@link #subscribe}, then only by the one running read. */
        private long cursor;

        Stream(UserId user, Instant expiresAt) {
            this.user = user;
            this.expiresAt = expiresAt;
        }

        @Override
        public void start(LiveEventSink sink) {
            if (this.sink != null) {
                throw new IllegalStateException("already started");
            }
            this.sink = Objects.requireNonNull(sink);
            if (ended.get()) {
                sink.close();
                return;
            }
            if (expiresAt != null) {
                long millis =
                        Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
                timer.schedule(this::end, millis, TimeUnit.MILLISECONDS);
            }
            wake();
        }

        @Override
        public void cancel() {
            release();
        }

        /** Frees the stream's place once; answers whether this call did. */
        private boolean release() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            streams.computeIfPresent(user, (key, mine) -> {
                mine.remove(this);
                return mine.isEmpty() ? null : mine;
            });
            open.decrementAndGet();
            return true;
        }

        /** Closes the client's stream and frees its place. */
        void end() {
            LiveEventSink current = sink;
            if (release() && current != null) {
                current.close();
            }
        }

        void wake() {
            if (sink == null || ended.get()) {
                return;
            }
            if (pending.getAndIncrement() == 0) {
                try {
                    reading.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    pending.set(0);
                }
            }
        }

        private void drain() {
            int seen;
            do {
                seen = pending.get();
                try {
                    readAndSend();
                    failing = false;
                } catch (RuntimeException failed) {
                    retryLater(failed);
                }
            } while (pending.addAndGet(-seen) != 0);
        }

        private void readAndSend() {
            List<StreamedEvent> events;
            do {
                if (ended.get()) {
                    return;
                }
                events = feed.after(user, cursor, BATCH);
                for (StreamedEvent event : events) {
                    sink.send(event);
                    cursor = event.id();
                }
            } while (events.size() == BATCH);
        }

        private void retryLater(RuntimeException failed) {
            if (!failing) {
                failing = true;
                LOG.log(
                        Level.WARNING,
                        "Reading live events failed; retrying every "
                                + settings.retryAfterFailure().toMillis() + " ms: " + failed);
            }
            try {
                timer.schedule(this::wake, settings.retryAfterFailure().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // closing: nothing more to read
            }
        }
    }
}
