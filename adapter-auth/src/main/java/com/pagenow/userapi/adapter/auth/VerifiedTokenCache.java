package com.pagenow.userapi.adapter.auth;

import com.pagenow.userapi.application.port.out.VerifiedIdentity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, until they expire: a client sends the same token with every request, and checking its
 * RS256 signature again each time is most of the cost of a cheap request. Only an identical token string hits, so
 * nothing is trusted that was not verified; the cache is bounded and forgets expired entries.
 */
final class VerifiedTokenCache {

    static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    VerifiedTokenCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The identity of a token verified before and still within its validity ({@code validUntil}), else null. */
    VerifiedIdentity get(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.validUntil())) {
            entries.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    void put(String token, VerifiedIdentity identity, Instant validUntil) {
        if (entries.size() >= maxEntries) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.validUntil()));
            if (entries.size() >= maxEntries) {
                entries.clear(); // many live tokens: start over rather than track recency on the hot path
            }
        }
        entries.put(token, new Entry(identity, validUntil));
    }

    int size() {
        return entries.size();
    }

    private record Entry(VerifiedIdentity identity, Instant validUntil) {}
}
