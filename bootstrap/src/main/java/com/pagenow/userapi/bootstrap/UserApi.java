package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.rest.BlockRoutes;
import com.pagenow.userapi.adapter.rest.DomainRoutes;
import com.pagenow.userapi.adapter.rest.EventRoutes;
import com.pagenow.userapi.adapter.rest.FriendshipRoutes;
import com.pagenow.userapi.adapter.rest.LocalImageRoutes;
import com.pagenow.userapi.adapter.rest.ProfileImageRoutes;
import com.pagenow.userapi.adapter.rest.RestServer;
import com.pagenow.userapi.adapter.rest.RestSettings;
import com.pagenow.userapi.adapter.rest.Routes;
import com.pagenow.userapi.adapter.rest.ShareNotificationRoutes;
import com.pagenow.userapi.adapter.rest.SearchRoutes;
import com.pagenow.userapi.adapter.rest.SuggestionRoutes;
import com.pagenow.userapi.adapter.rest.UserRoutes;
import com.pagenow.userapi.application.port.in.TransferLocalImageUseCase;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.BlockService;
import com.pagenow.userapi.application.service.DomainShareWarningService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.LiveEventService;
import com.pagenow.userapi.application.service.ProfileImageService;
import com.pagenow.userapi.application.service.ShareNotificationQueryService;
import com.pagenow.userapi.application.service.ShareNotificationService;
import com.pagenow.userapi.application.service.UserProfileService;
import com.pagenow.userapi.application.service.UserSearchService;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The running service: every adapter built and wired by hand, started, and stopped in reverse order. */
public final class UserApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserApi.class);

    private final Persistence persistence;
    private final RestServer server;
    private final TokenVerifier tokens;
    private final LiveEventService liveEvents;
    private final Images images;

    private UserApi(Persistence persistence, RestServer server, TokenVerifier tokens, LiveEventService liveEvents,
                    Images images) {
        this.persistence = persistence;
        this.server = server;
        this.tokens = tokens;
        this.liveEvents = liveEvents;
        this.images = images;
    }
    /**
     * Where profile images are kept; {@code localFiles} (dev mode only, else null) is the store the service also
     * serves itself.
     */
    record Images(ProfileImageStorage storage, TransferLocalImageUseCase localFiles) {

        Images {
            Objects.requireNonNull(storage, "storage");
        }

        static Images of(ProfileImageStorage storage) {
            return new Images(storage, null);
        }

        static Images local(ProfileImageStorage storage, TransferLocalImageUseCase files) {
            return new Images(storage, Objects.requireNonNull(files));
        }
    }

    /** Starts on an already started persistence; on failure the persistence (and image storage) is closed. */
    static UserApi start(Persistence persistence, TokenVerifier tokens, HttpConfig http, EventsConfig events,
                         Images images) {
        LiveEventService liveEvents = null;
        try {
            Logging.routeJavaUtilLogging();
            Clock clock = Clock.systemUTC();
            liveEvents = liveEvents(persistence, clock, events);
            UserProfileService profiles = new UserProfileService(persistence.users(), persistence.blocks(),
                    persistence.transactions(), clock);
            FriendshipService friendships = new FriendshipService(persistence.users(), persistence.friendships(),
                    persistence.blocks(), persistence.transactions(), clock, persistence.liveEventOutbox());
            BlockService blocks = new BlockService(persistence.users(), persistence.friendships(), persistence.blocks(),
                    persistence.transactions(), clock);
            FriendshipQueryService friendshipQueries = new FriendshipQueryService(persistence.friendships(),
                    persistence.blocks());
            ShareNotificationService shares = new ShareNotificationService(persistence.users(),
                    persistence.friendships(), persistence.shareNotifications(), persistence.idempotencyKeys(),
                    persistence.transactions(), clock, persistence.liveEventOutbox());
            ShareNotificationQueryService shareQueries =
                    new ShareNotificationQueryService(persistence.shareNotifications());
            UserSearchService search = new UserSearchService(persistence.userSearch());
            AuthenticationService authentication = new AuthenticationService(tokens);
            ProfileImageService profileImages = new ProfileImageService(persistence.users(), persistence.blocks(),
                    images.storage(), clock);
            List<Routes> resources = new ArrayList<>(List.of(
                    new UserRoutes(profiles),
                    new FriendshipRoutes(friendships, friendshipQueries),
                    new ShareNotificationRoutes(shares, shareQueries),
                    new DomainRoutes(new DomainShareWarningService()),
                    new SearchRoutes(search),
                    new BlockRoutes(blocks),
                    new SuggestionRoutes(friendshipQueries),
                    new EventRoutes(authentication, liveEvents, events.heartbeat()),
                    new ProfileImageRoutes(profileImages, profileImages, profileImages, profileImages)));
            if (images.localFiles() != null) {
                resources.add(new LocalImageRoutes(images.localFiles()));
            }

            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmGcMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            persistence.bindMetrics(meters);

            RestServer server = RestServer.start(
                    new RestSettings(http.host(), http.port(), http.corsAllowedOrigins(), http.metricsPort(),
                            http.maxConcurrentRequests(), http.maxQueuedRequests(), http.maxQueueWait(),
                            http.rateLimits(), http.quickReadsOnIoThreads()),
                    authentication, persistence::isDatabaseUp, meters, resources);
            return new UserApi(persistence, server, tokens, liveEvents, images);
        } catch (RuntimeException failed) {
            if (liveEvents != null) {
                liveEvents.close();
            }
            persistence.close();
            closeQuietly(images.storage());
            throw failed;
        }
    }

    private static LiveEventService liveEvents(Persistence persistence, Clock clock, EventsConfig events) {
        return new LiveEventService(persistence.liveEventFeed(), persistence.liveEventSignals(), clock,
                LiveEventService.Settings.DEFAULTS.withMaxStreams(events.maxStreams())).start();
    }

    public int port() {
        return server.port();
    }

    public List<String> routes() {
        return server.routes();
    }

    /** Finishes in-flight requests (new ones get 503), then closes the connection pool. */
    public void stop(Duration drain) {
        LOG.info("Stopping: draining in-flight requests (up to {} s)", drain.toSeconds());
        server.stop(drain);
        liveEvents.close();
        persistence.close();
        closeQuietly(tokens);
        closeQuietly(images.storage());
        LOG.info("Stopped");
    }

    /** Stops what a background refresh or an HTTP client pool keeps running; nothing to recover on failure. */
    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Nothing to recover.
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
