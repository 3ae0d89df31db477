package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.auth.LocalSigningKey;
import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.persistence.PersistenceSettings;
import com.pagenow.userapi.adapter.rest.RestSettings;
import com.pagenow.userapi.adapter.storage.LocalDiskProfileImageStorage;
import com.pagenow.userapi.application.port.out.SignInAccounts;
import com.pagenow.userapi.application.service.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Dev mode: nothing to install. An embedded database file under {@code ./.user-api/}, a local signing key
 * created on first start, {@code 127.0.0.1} only. Not for production, and it says so.
 */
final class DevMode {

    private static final Logger LOG = LoggerFactory.getLogger(DevMode.class);

    private DevMode() {}

    static Path homeDirectory() {
        String override = System.getenv("USER_API_HOME");
        return Path.of(override == null || override.isBlank() ? ".user-api" : override)
                .toAbsolutePath();
    }

    static UserApi start(Path home, Map<String, String> environment) {
        Environment env = new Environment(environment);
        RestSettings http = HttpConfig.fromDevMode(env, "127.0.0.1");
        if (!http.host().equals("127.0.0.1") && !http.host().equals("localhost")) {
            throw new ConfigException("HOST must be 127.0.0.1 in dev mode: its tokens are minted by anyone "
                    + "who can run this command");
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(home);
        Persistence persistence = Persistence.start(PersistenceSettings.of(Persistence.embeddedH2Url(home), "sa", null)
                .withPoolSize(5));
        // Images on local disk, behind URLs this process signs and serves itself: it knows its port once started.
        AtomicReference<URI> listening = new AtomicReference<>();
        LocalDiskProfileImageStorage images =
                LocalDiskProfileImageStorage.open(home, listening::get, Clock.systemUTC());
        // Deletions work as in production, but no Cognito user is deleted: dev mode's users are its own tokens.
        UserApi api = UserApi.start(
                persistence,
                key.verifier(),
                http,
                EventsConfig.from(env),
                UserApi.Images.local(images, images),
                new UserApi.Accounts(
                        new AccountService.Settings(AccountsConfig.from(env).maxSignInAge(), false),
                        SignInAccounts.NONE));
        listening.set(URI.create("http://" + http.host() + ":" + api.port()));
        LOG.warn("""

                ************************************************************************
                *  DEV MODE - NOT FOR PRODUCTION                                       *
                *  Embedded database, profile images and local signing keys under {}
                *  Anyone who can run './user-api token' here can sign in as anyone.   *
                ************************************************************************
                  Try:  TOKEN=$(./user-api token --user alice --email alice@example.com)
                        curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:{}/users/me
                """, home, api.port());
        return api;
    }

    static String mintToken(Path home, List<String> arguments) {
        String user = option(arguments, "--user");
        String email = option(arguments, "--email");
        if (user == null || email == null) {
            throw new IllegalArgumentException("token needs --user and --email");
        }
        String ttl = option(arguments, "--ttl");
        Duration lifetime;
        try {
            lifetime = Duration.ofSeconds(ttl == null ? 3600 * 12 : Long.parseLong(ttl));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--ttl must be a number of seconds");
        }
        return LocalSigningKey.loadOrCreate(home).mintToken(user, email, lifetime);
    }

    private static String option(List<String> arguments, String name) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : null;
    }
}
