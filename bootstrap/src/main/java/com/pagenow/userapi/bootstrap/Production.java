package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.auth.CognitoSettings;
import com.pagenow.userapi.adapter.auth.CognitoSignInAccounts;
import com.pagenow.userapi.adapter.auth.CognitoTokenVerifier;
import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.storage.S3ProfileImageStorage;
import com.pagenow.userapi.adapter.storage.S3StorageSettings;
import com.pagenow.userapi.application.port.out.SignInAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The real path: PostgreSQL and Cognito, configured from the environment. */
final class Production {

    private static final Logger LOG = LoggerFactory.getLogger(Production.class);
    /** Checks of the built-in token at start: enough for the JIT to compile the RSA arithmetic (benchmarks-startup). */
    static final int TOKEN_CHECKS_AT_START = 200;

    private Production() {}

    static UserApi start(Map<String, String> environment) {
        ServiceConfig config = ServiceConfig.fromEnvironment(environment);
        return start(config, MigrateCommand.migrateAtStart(new Environment(environment)));
    }

    static UserApi start(ServiceConfig config) {
        return start(config, true);
    }

    static UserApi start(ServiceConfig config, boolean migrateAtStart) {
        LOG.info(
                "Starting with database {}, token issuer {} and image bucket {}{}",
                safeUrl(config.database().jdbcUrl()),
                config.cognito().issuer(),
                config.storage().bucket(),
                config.storage().endpoint() == null
                        ? ""
                        : " at " + config.storage().endpoint());
        if (config.http().corsAllowedOrigins().isEmpty()) {
            LOG.warn("CORS_ALLOWED_ORIGINS is not set: no browser origin may call the API (set it to the "
                    + "extension's chrome-extension://<id> and the web client's origin)");
        }
        CognitoTokenVerifier tokens = tokenVerifier(config.cognito());
        // Building the S3 clients is a fifth of a start (the SDK's classes): done beside the database's part, and so is
        // the token check's warm-up (about 0.13 s of CPU); both are over before the service listens.
        FutureTask<S3ProfileImageStorage> images = new FutureTask<>(() -> imageStorage(config.storage()));
        new Thread(images, "image-storage-start").start();
        FutureTask<Void> tokenCheck = new FutureTask<>(Production::warmUpTokenCheck, null);
        new Thread(tokenCheck, "token-check-warm-up").start();
        Persistence persistence;
        try {
            persistence = Persistence.start(config.database(), migrateAtStart);
        } catch (RuntimeException failed) {
            try {
                built(images).close();
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        S3ProfileImageStorage storage;
        try {
            storage = built(images);
            built(tokenCheck);
        } catch (RuntimeException failed) {
            persistence.close();
            throw failed;
        }
        return UserApi.start(
                persistence, tokens, config.http(), config.events(), UserApi.Images.of(storage), accounts(config));
    }

    /** What {@code task} built, or the exception it failed with. */
    private static <T> T built(FutureTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    /** With {@code COGNITO_DELETE_USERS=true}, a deletion also deletes the Cognito user of the configured pool. */
    static UserApi.Accounts accounts(ServiceConfig config) {
        AccountsConfig accounts = config.accounts();
        return new UserApi.Accounts(
                accounts.settings(),
                accounts.deleteCognitoUsers()
                        ? CognitoSignInAccounts.create(
                                config.cognito().region(), config.cognito().poolId(), accounts.cognitoEndpoint())
                        : SignInAccounts.NONE);
    }

    /** Fetches the pool's keys on first use, not here. */
    static CognitoTokenVerifier tokenVerifier(CognitoSettings cognito) {
        return new CognitoTokenVerifier(cognito);
    }

    /**
     * Runs the token check's code on a built-in token ({@link CognitoTokenVerifier#warmUp}), so that the first
     * requests, each with a token not seen yet, do not wait for its RSA arithmetic to be compiled. Never fails a start.
     */
    static void warmUpTokenCheck() {
        try {
            CognitoTokenVerifier.warmUp(TOKEN_CHECKS_AT_START);
        } catch (RuntimeException failed) {
            LOG.warn("Token check not warmed up; the first requests will be slower: {}", failed.getMessage());
        }
    }

    /** Builds the S3 clients; nothing is fetched until the first URL is signed or object deleted. */
    static S3ProfileImageStorage imageStorage(S3StorageSettings storage) {
        return S3ProfileImageStorage.create(storage);
    }

    /** A JDBC URL may carry a password parameter: show only scheme, host and database. */
    static String safeUrl(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
