package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.rest.EventRoutes;
import com.pagenow.userapi.application.service.LiveEventService;

import java.time.Duration;

/**
 * The live event stream's settings read from the environment: the REST side's comment heartbeat interval and the
 * stream service's settings (the most streams one instance holds). Each default is the owner's.
 */
record EventsConfig(Duration heartbeat, LiveEventService.Settings streams) {

    static EventsConfig from(Environment env) {
        LiveEventService.Settings defaults = LiveEventService.Settings.DEFAULTS;
        return new EventsConfig(
                Duration.ofSeconds(env.integer(
                        "EVENTS_HEARTBEAT_SECONDS", (int) EventRoutes.DEFAULT_HEARTBEAT.toSeconds(), 1, 3_600)),
                defaults.withMaxStreams(env.integer("EVENTS_MAX_STREAMS", defaults.maxStreams(), 1, 1_000_000)));
    }
}
