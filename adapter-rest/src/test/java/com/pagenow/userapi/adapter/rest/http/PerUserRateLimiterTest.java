package com.pagenow.userapi.adapter.rest.http;

import com.pagenow.userapi.domain.user.UserId;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.pagenow.userapi.adapter.rest.http.RateLimits.RouteKind.READ;
import static com.pagenow.userapi.adapter.rest.http.RateLimits.RouteKind.SEARCH;
import static com.pagenow.userapi.adapter.rest.http.RateLimits.RouteKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PerUserRateLimiterTest {

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    private final FakeTime time = new FakeTime();

    @Test
    void aUserMaySpendAMinutesBudgetAtOnceAndThenWaitsForItToRefill() {
        PerUserRateLimiter limiter = new PerUserRateLimiter(new RateLimits(6, 0), time);
        for (int i = 0; i < 6; i++) {
            limiter.spend(WRITE, ALICE);
        }

        RateLimitExceededException refused =
                catchThrowableOfType(RateLimitExceededException.class, () -> limiter.spend(WRITE, ALICE));

        assertThat(refused).isNotNull();
        // Six a minute come back one every ten seconds.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        time.advance(Duration.ofSeconds(10));
        assertThatCode(() -> limiter.spend(WRITE, ALICE)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(RateLimitExceededException.class, () -> limiter.spend(WRITE, ALICE)))
                .isNotNull();
    }

    @Test
    void eachUserAndEachKindHasItsOwnBudget() {
        PerUserRateLimiter limiter = new PerUserRateLimiter(new RateLimits(1, 1), time);
        limiter.spend(WRITE, ALICE);

        assertThatCode(() -> limiter.spend(WRITE, BOB)).doesNotThrowAnyException();
        assertThatCode(() -> limiter.spend(SEARCH, ALICE)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(RateLimitExceededException.class, () -> limiter.spend(SEARCH, ALICE)))
                .isNotNull();
    }

    @Test
    void readsAndLimitsSetToZeroAreNeverRefused() {
        PerUserRateLimiter limiter = new PerUserRateLimiter(new RateLimits(0, 1), time);

        for (int i = 0; i < 10_000; i++) {
            limiter.spend(WRITE, ALICE);
            limiter.spend(READ, ALICE);
        }
        assertThat(limiter.size()).isZero();
    }

    @Test
    void refilledBucketsAreForgottenAfterAMinuteAndPartlyUsedOnesKept() {
        PerUserRateLimiter limiter = new PerUserRateLimiter(new RateLimits(60, 0), time);
        limiter.spend(WRITE, ALICE);
        for (int i = 0; i < 60; i++) {
            limiter.spend(WRITE, BOB);
        }
        time.advance(Duration.ofSeconds(61));
        limiter.spend(WRITE, UserId.of("carol")); // triggers the sweep: alice's and bob's buckets are full again

        assertThat(limiter.size()).isEqualTo(1);
        time.advance(Duration.ofSeconds(40));
        for (int i = 0; i < 60; i++) {
            limiter.spend(WRITE, UserId.of("carol"));
        }
        time.advance(Duration.ofSeconds(21));
        limiter.spend(WRITE, ALICE); // the next sweep: carol has 21 of 60 back, so hers stays; alice's is new

        assertThat(limiter.size()).isEqualTo(2);
        assertThat(catchThrowableOfType(RateLimitExceededException.class, () -> {
                    for (int i = 0; i < 22; i++) {
                        limiter.spend(WRITE, UserId.of("carol"));
                    }
                }))
                .isNotNull();
    }

    /** Bucket4j's clock, moved by the test. */
    private static final class FakeTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
