package com.pagenow.userapi.adapter.rest.http;

import com.pagenow.userapi.domain.user.UserId;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Bucket4j token bucket per user and kind of route, in this process's memory (so per instance: N instances
 * behind a load balancer let a user through up to N times the limit). Buckets that have filled up again are
 * dropped once a minute: a full bucket is exactly what a new one would be, so forgetting it changes nothing.
 */
final class PerUserRateLimiter {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final RateLimits limits;
    private final TimeMeter time;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepNanos;

    PerUserRateLimiter(RateLimits limits) {
        this(limits, TimeMeter.SYSTEM_NANOTIME);
    }

    PerUserRateLimiter(RateLimits limits, TimeMeter time) {
        this.limits = Objects.requireNonNull(limits);
        this.time = Objects.requireNonNull(time);
        this.nextSweepNanos = new AtomicLong(time.currentTimeNanos() + PERIOD.toNanos());
    }

    /** Spends one request of {@code user}'s {@code kind} budget, or throws when it is used up. */
    void spend(RateLimits.RouteKind kind, UserId user) {
        int perMinute = limits.perMinute(kind);
        if (perMinute == 0) {
            return;
        }
        sweepIfDue();
        Bucket bucket = buckets.computeIfAbsent(new Key(kind, user.value()), key -> newBucket(perMinute));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitExceededException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** How many users' buckets are held (for tests). */
    int size() {
        return buckets.size();
    }

    private Bucket newBucket(int perMinute) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, PERIOD))
                .withCustomTimePrecision(time)
                .build();
    }

    private void sweepIfDue() {
        long now = time.currentTimeNanos();
        long due = nextSweepNanos.get();
        if (now < due || !nextSweepNanos.compareAndSet(due, now + PERIOD.toNanos())) {
            return;
        }
        // A request racing the sweep may find its bucket dropped and get a fresh one: one token at most, once.
        buckets.entrySet()
                .removeIf(entry -> entry.getValue().getAvailableTokens()
                        >= limits.perMinute(entry.getKey().kind()));
    }

    private record Key(RateLimits.RouteKind kind, String userId) {}
}
