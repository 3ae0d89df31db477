package com.pagenow.userapi.adapter.rest.http;

/**
 * How many requests one user may make per minute to each limited kind of route, on one instance of the service:
 * writes (every authenticated POST, PUT and DELETE) and searches; account exports always one a minute. A user may spend
 * a whole minute's budget at once;
 * it then comes back evenly over the minute. 0 turns that limit off.
 */
public record RateLimits(int writesPerMinute, int searchesPerMinute) {

    /** Generous: 5 writes and 10 searches a second after a minute's burst, far above what a person clicking sends. */
    public static final RateLimits DEFAULT = new RateLimits(300, 600);

    public static final RateLimits OFF = new RateLimits(0, 0);

    public RateLimits {
        if (writesPerMinute < 0 || searchesPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be zero (off) or positive");
        }
    }

    /** API.md: at most one account export a minute per user; a contract, not a setting. */
    public static final int EXPORTS_PER_MINUTE = 1;

    int perMinute(RouteKind kind) {
        return switch (kind) {
            case WRITE -> writesPerMinute;
            case SEARCH -> searchesPerMinute;
            case EXPORT -> EXPORTS_PER_MINUTE;
            case READ -> 0;
        };
    }

    /** Which budget a route spends. */
    public enum RouteKind {
        READ,
        WRITE,
        SEARCH,
        EXPORT
    }
}
