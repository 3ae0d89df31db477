package com.pagenow.userapi.bootstrap;

import java.time.Duration;

/** The live event stream's settings: comment heartbeat interval and the most streams one instance holds. */
record EventsConfig(Duration heartbeat, int maxStreams) {

    static final EventsConfig DEFAULTS = new EventsConfig(Duration.ofSeconds(25), 10_000);

    static EventsConfig from(Environment env) {
        return new EventsConfig(
                Duration.ofSeconds(env.integer("EVENTS_HEARTBEAT_SECONDS", (int) DEFAULTS.heartbeat().toSeconds(),
                        1, 3_600)),
                env.integer("EVENTS_MAX_STREAMS", DEFAULTS.maxStreams(), 1, 1_000_000));
    }
}
