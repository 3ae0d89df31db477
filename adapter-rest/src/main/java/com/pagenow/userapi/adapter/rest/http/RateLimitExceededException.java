package com.pagenow.userapi.adapter.rest.http;

import java.time.Duration;

/** The caller has used up a per-user budget of {@link RateLimits}; answered 429 with {@code Retry-After}. */
final class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitExceededException(Duration retryAfter) {
        super("rate limit exceeded", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
