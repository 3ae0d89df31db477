package com.pagenow.userapi.bootstrap;

import java.time.Duration;

/** The live event stream's settings: comment heartbeat interval and the most streams one instance holds. */
record EventsConfig(Duration heartbeat, int maxStreams) {

    /**
     * 4,000 streams fit a 512 MiB task (heap 160 MiB): measured at 7.4-11 kB of heap and 18-19 kB resident a stream
     * (docs/benchmarks.md, live events), 4,000 add about 44 MiB to a live set of about 25 MiB and 76 MiB to about
     * 250 MiB resident. 10,000 would fill most of the heap with streams alone.
     */
    static final EventsConfig DEFAULTS = new EventsConfig(Duration.ofSeconds(25), 4_000);

    static EventsConfig from(Environment env) {
        return new EventsConfig(
                Duration.ofSeconds(env.integer("EVENTS_HEARTBEAT_SECONDS", (int) DEFAULTS.heartbeat().toSeconds(),
                        1, 3_600)),
                env.integer("EVENTS_MAX_STREAMS", DEFAULTS.maxStreams(), 1, 1_000_000));
    }
}
