package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.rest.AccountRoutes;
import com.pagenow.userapi.adapter.rest.BlockRoutes;
import com.pagenow.userapi.adapter.rest.DomainRoutes;
import com.pagenow.userapi.adapter.rest.EventRoutes;
import com.pagenow.userapi.adapter.rest.FriendshipRoutes;
import com.pagenow.userapi.adapter.rest.LocalImageRoutes;
import com.pagenow.userapi.adapter.rest.ProfileImageRoutes;
import com.pagenow.userapi.adapter.rest.RestServer;
import com.pagenow.userapi.adapter.rest.RestSettings;
import com.pagenow.userapi.adapter.rest.Routes;
import com.pagenow.userapi.adapter.rest.SearchRoutes;
import com.pagenow.userapi.adapter.rest.ShareNotificationRoutes;
import com.pagenow.userapi.adapter.rest.UserRoutes;
import com.pagenow.userapi.application.port.in.user.TransferLocalImageUseCase;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.application.port.out.SignInAccounts;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.service.AccountCleanupService;
import com.pagenow.userapi.application.service.AccountService;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.LiveEventService;
import com.pagenow.userapi.application.service.ProfileImageService;
import com.pagenow.userapi.embedded.wiring.UseCases;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Set;

/** The running service: every adapter built and wired by hand, started, and stopped in reverse order. */
public final class UserApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserApi.class);

    private final Persistence persistence;
    private final RestServer server;
    private final TokenVerifier tokens;
    private final LiveEventService liveEvents;
    private final Images images;
    private final Accounts accounts;
    private final AccountCleanupService cleanup;

    private UserApi(
            Persistence persistence,
            RestServer server,
            TokenVerifier tokens,
            LiveEventService liveEvents,
            Images images,
            Accounts accounts,
            AccountCleanupService cleanup) {
        this.persistence = persistence;
        this.server = server;
        this.tokens = tokens;
        this.liveEvents = liveEvents;
        this.images = images;
        this.accounts = accounts;
        this.cleanup = cleanup;
    }

    /** How accounts leave: the deletion settings, and the sign-in accounts deleted with them (or none). */
    record Accounts(AccountService.Settings settings, SignInAccounts signIns) {

        /** How often the cleanup looks for due work that no deletion on this instance woke it for. */
        static final Duration CLEANUP_POLL = Duration.ofSeconds(2);

        Accounts {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(signIns, "signIns");
        }
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
    static UserApi start(
            Persistence persistence,
            TokenVerifier tokens,
            RestSettings http,
            EventsConfig events,
            Images images,
            Accounts accounts) {
        LiveEventService liveEvents = null;
        AccountCleanupService cleanup = null;
        try {
            Logging.routeJavaUtilLogging();
            Clock clock = Clock.systemUTC();
            // The same wiring as the embedded library's (UserApiLibrary): one way to build the use cases.
            UseCases useCases = UseCases.wire(persistence, clock);
            liveEvents = useCases.liveEvents(events.streams());
            cleanup = useCases.accountCleanup(images.storage(), accounts.signIns(), Accounts.CLEANUP_POLL)
                    .start();
            LiveEventService streams = liveEvents;
            AccountCleanupService cleanupWork = cleanup;
            // Other instances end the user's streams on NOTIFY user_deleted; this one at once.
            AccountService accountService = useCases.accounts(images.storage(), accounts.settings(), deleted -> {
                streams.deleted(Set.of(deleted));
                cleanupWork.wake();
            });
            AuthenticationService authentication = new AuthenticationService(tokens);
            ProfileImageService profileImages = useCases.profileImages(images.storage());
            // Each routes class takes the services it calls, each typed as the use cases it serves from it.
            List<Routes> resources = new ArrayList<>(List.of(
                    new UserRoutes(useCases.profiles()),
                    new FriendshipRoutes(useCases.friendships(), useCases.friendshipQueries()),
                    new ShareNotificationRoutes(useCases.shares(), useCases.shareQueries()),
                    new DomainRoutes(useCases.domainShareWarnings()),
                    new SearchRoutes(useCases.search()),
                    new BlockRoutes(useCases.blocks()),
                    new EventRoutes(authentication, liveEvents, events.heartbeat()),
                    new ProfileImageRoutes(profileImages),
                    new AccountRoutes(accountService)));
            if (images.localFiles() != null) {
                resources.add(new LocalImageRoutes(images.localFiles()));
            }

            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmGcMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            persistence.bindMetrics(meters);
            bindCleanupMetrics(meters, cleanup);

            RestServer server = RestServer.start(http, authentication, persistence::isDatabaseUp, meters, resources);
            return new UserApi(persistence, server, tokens, liveEvents, images, accounts, cleanup);
        } catch (RuntimeException failed) {
            if (cleanup != null) {
                cleanup.close();
            }
            closeQuietly(accounts.signIns());
            if (liveEvents != null) {
                liveEvents.close();
            }
            persistence.close();
            closeQuietly(images.storage());
            throw failed;
        }
    }

    /** Pending, done and failed cleanup work of deleted accounts; pending is counted in the database at a scrape. */
    private static void bindCleanupMetrics(MeterRegistry meters, AccountCleanupService cleanup) {
        Gauge.builder("user_api_account_cleanup_pending", cleanup, work -> {
                    try {
                        return work.pending();
                    } catch (RuntimeException databaseDown) {
                        return Double.NaN;
                    }
                })
                .description("Cleanup work of deleted accounts (image object, Cognito user) not done yet")
                .register(meters);
        FunctionCounter.builder("user_api_account_cleanup_done", cleanup, AccountCleanupService::done)
                .description("Cleanup work of deleted accounts done by this instance")
                .register(meters);
        FunctionCounter.builder(
                        "user_api_account_cleanup_failed_attempts", cleanup, AccountCleanupService::failedAttempts)
                .description("Cleanup attempts that failed on this instance (each is retried later)")
                .register(meters);
    }

    public int port() {
        return server.port();
    }

    public List<String> routes() {
        return server.routes();
    }

    /** The cleanup work of deleted accounts on this instance (for tests and metrics). */
    AccountCleanupService accountCleanup() {
        return cleanup;
    }

    /** Finishes in-flight requests (new ones get 503), then closes the connection pool. */
    public void stop(Duration drain) {
        LOG.info("Stopping: draining in-flight requests (up to {} s)", drain.toSeconds());
        server.stop(drain);
        cleanup.close();
        closeQuietly(accounts.signIns());
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
