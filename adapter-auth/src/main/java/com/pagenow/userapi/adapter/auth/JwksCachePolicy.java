package com.pagenow.userapi.adapter.auth;

import java.time.Duration;

/**
 * How the pool's key set is fetched and kept. At most two fetches per {@code refreshMinInterval} (Nimbus's rate
 * limiter), so a token with an unknown {@code kid} can trigger one refresh without letting anyone hammer the pool.
 */
record JwksCachePolicy(
        Duration timeToLive,
        Duration refreshAhead,
        Duration refreshMinInterval,
        Duration outageTimeToLive,
        Duration httpTimeout) {

    static final JwksCachePolicy DEFAULT = new JwksCachePolicy(
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofSeconds(2));

    JwksCachePolicy withRefreshMinInterval(Duration interval) {
        return new JwksCachePolicy(timeToLive, refreshAhead, interval, outageTimeToLive, httpTimeout);
    }
}
