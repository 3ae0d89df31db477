package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.rest.DomainRoutes;
import com.pagenow.userapi.adapter.rest.FriendshipRoutes;
import com.pagenow.userapi.adapter.rest.RestServer;
import com.pagenow.userapi.adapter.rest.RestSettings;
import com.pagenow.userapi.adapter.rest.Routes;
import com.pagenow.userapi.adapter.rest.ShareNotificationRoutes;
import com.pagenow.userapi.adapter.rest.SearchRoutes;
import com.pagenow.userapi.adapter.rest.UserRoutes;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.DomainShareWarningService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
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
import java.util.List;

/** The running service: every adapter built and wired by hand, started, and stopped in reverse order. */
public final class UserApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserApi.class);

    private final Persistence persistence;
    private final RestServer server;
    private final TokenVerifier tokens;

    private UserApi(Persistence persistence, RestServer server, TokenVerifier tokens) {
        this.persistence = persistence;
        this.server = server;
        this.tokens = tokens;
    }

    /** Starts on an already started persistence; on failure the persistence is closed. */
    static UserApi start(Persistence persistence, TokenVerifier tokens, HttpConfig http) {
        try {
            Clock clock = Clock.systemUTC();
            UserProfileService profiles = new UserProfileService(persistence.users(), clock);
            FriendshipService friendships = new FriendshipService(persistence.users(), persistence.friendships(),
                    persistence.transactions(), clock);
            FriendshipQueryService friendshipQueries = new FriendshipQueryService(persistence.friendships());
            ShareNotificationService shares = new ShareNotificationService(persistence.users(),
                    persistence.friendships(), persistence.shareNotifications(), persistence.idempotencyKeys(),
                    persistence.transactions(), clock);
            ShareNotificationQueryService shareQueries =
                    new ShareNotificationQueryService(persistence.shareNotifications());
            UserSearchService search = new UserSearchService(persistence.userSearch());
            List<Routes> resources = List.of(
                    new UserRoutes(profiles, profiles, profiles, profiles, profiles, profiles),
                    new FriendshipRoutes(new FriendshipRoutes.UseCases(friendships, friendships, friendships,
                            friendships, friendshipQueries, friendshipQueries, friendshipQueries, friendshipQueries,
                            friendshipQueries, friendshipQueries, friendshipQueries, friendshipQueries)),
                    new ShareNotificationRoutes(new ShareNotificationRoutes.UseCases(
                            shares, shares, shareQueries, shareQueries, shares)),
                    new DomainRoutes(new DomainShareWarningService()),
                    new SearchRoutes(search, search));

            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmGcMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            persistence.bindMetrics(meters);

            RestServer server = RestServer.start(
                    new RestSettings(http.host(), http.port(), http.corsAllowedOrigins(), http.metricsPort(),
                            http.rateLimits()),
                    new AuthenticationService(tokens), persistence::isDatabaseUp, meters, resources);
            return new UserApi(persistence, server, tokens);
        } catch (RuntimeException failed) {
            persistence.close();
            throw failed;
        }
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
        persistence.close();
        if (tokens instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Only a background key refresh is stopped here; nothing to recover.
            }
        }
        LOG.info("Stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
