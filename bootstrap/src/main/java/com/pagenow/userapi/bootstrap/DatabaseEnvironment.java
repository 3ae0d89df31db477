package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.DatabaseTimeouts;
import com.pagenow.userapi.adapter.persistence.PersistenceSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the persistence adapter's {@link PersistenceSettings} from the environment: {@code DATABASE_URL} (a
 * {@code postgresql://user:pass@host:port/db} URL or a JDBC URL), else the old service's {@code RDS_*}, else
 * {@code POSTGRES_*} variables; {@code DATABASE_DIRECT_URL} (same forms) for the sessions that must reach the writer
 * itself (live-event LISTEN, migrations), with its own credentials or the main ones. Each limit not set keeps the
 * adapter's default.
 */
final class DatabaseEnvironment {

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private DatabaseEnvironment() {}

    static PersistenceSettings read(Environment env) {
        int poolSize = env.integer("DATABASE_POOL_SIZE", PersistenceSettings.DEFAULT_POOL_SIZE, 1, 500);
        Optional<String> sslSetting = env.get("DATABASE_SSL").map(value -> sslMode(value));
        Connection main = env.get("DATABASE_URL")
                .map(url -> parseUrl("DATABASE_URL", url))
                .orElseGet(() -> fromParts(env));
        String readUrl = env.get("DATABASE_READ_URL")
                .map(url -> parseUrl("DATABASE_READ_URL", url).jdbcUrl(sslSetting))
                .orElse(null);
        Connection direct = env.get("DATABASE_DIRECT_URL")
                .map(url -> parseUrl("DATABASE_DIRECT_URL", url))
                .orElse(null);
        PersistenceSettings settings = PersistenceSettings.of(
                        main.jdbcUrl(sslSetting), main.username(), main.password())
                .withPoolSize(poolSize)
                .withReadJdbcUrl(readUrl)
                .withTimeouts(timeouts(env));
        return direct == null
                ? settings
                : settings.withDirect(direct.jdbcUrl(sslSetting), direct.username(), direct.password());
    }

    private static DatabaseTimeouts timeouts(Environment env) {
        DatabaseTimeouts defaults = DatabaseTimeouts.DEFAULTS;
        Duration statement = env.duration("DATABASE_STATEMENT_TIMEOUT", defaults.statement());
        // The socket limit follows a raised statement limit unless it is set itself.
        Duration socket = env.duration(
                "DATABASE_SOCKET_TIMEOUT", statement.plus(defaults.socket().minus(defaults.statement())));
        try {
            return new DatabaseTimeouts(
                    env.duration("DATABASE_POOL_WAIT", defaults.poolWait()),
                    env.duration("DATABASE_CONNECT_TIMEOUT", defaults.connect()),
                    statement,
                    socket,
                    env.duration("DATABASE_MIGRATION_STATEMENT_TIMEOUT", defaults.migrationStatement()));
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException("DATABASE_POOL_WAIT / DATABASE_CONNECT_TIMEOUT / DATABASE_STATEMENT_TIMEOUT / "
                    + "DATABASE_SOCKET_TIMEOUT: " + invalid.getMessage());
        }
    }

    private static Connection fromParts(Environment env) {
        Optional<String> host = env.first("RDS_HOST", "POSTGRES_SERVER");
        if (host.isEmpty()) {
            throw new ConfigException("DATABASE_URL is not set (nor RDS_HOST / POSTGRES_SERVER): "
                    + "give postgresql://user:password@host:5432/db, or run './user-api dev' for a local trial");
        }
        String port = env.first("RDS_PORT", "POSTGRES_PORT").orElse("5432");
        if (!port.matches("\\d{1,5}")) {
            throw new ConfigException("RDS_PORT / POSTGRES_PORT must be a port number, got '" + port + "'");
        }
        String database = env.first("RDS_DB_NAME", "POSTGRES_DB").orElse("postgres");
        String user = env.first("RDS_USERNAME", "POSTGRES_USER").orElse(null);
        String password = env.first("RDS_PASSWORD", "POSTGRES_PASSWORD").orElse(null);
        return new Connection(
                "jdbc:postgresql://" + host.get() + ":" + port + "/" + database, host.get(), user, password);
    }

    private static Connection parseUrl(String variable, String url) {
        if (url.startsWith("jdbc:")) {
            // Dev mode opens its embedded database itself; a production URL naming H2 is a mistake or an attack.
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new ConfigException(variable + " must be a PostgreSQL URL (jdbc:postgresql://host:5432/db): "
                        + "an embedded database is for dev mode only");
            }
            return new Connection(url, hostOfJdbc(url), null, null);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.startsWith("postgres") || uri.getHost() == null) {
                throw new URISyntaxException(url, "not a postgresql URL");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new Connection(
                    "jdbc:postgresql://" + uri.getHost() + ":" + port + path + query, uri.getHost(), user, password);
        } catch (URISyntaxException notAUrl) {
            // The URL holds the password: never echo it.
            throw new ConfigException(variable + " must look like postgresql://user:password@host:5432/db "
                    + "or jdbc:postgresql://host:5432/db");
        }
    }

    private static String hostOfJdbc(String jdbcUrl) {
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return "";
        }
        String rest = jdbcUrl.substring(start + 2);
        int end = 0;
        while (end < rest.length() && ":/?,".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return rest.substring(0, end);
    }

    private static String sslMode(String value) {
        String mode = value.toLowerCase(Locale.ROOT);
        if (mode.equals("true")) {
            return "require";
        }
        if (mode.equals("false")) {
            return "disable";
        }
        if (!SSL_MODES.contains(mode)) {
            throw new ConfigException("DATABASE_SSL must be one of disable, allow, prefer, require, verify-ca, "
                    + "verify-full, got '" + value + "'");
        }
        return mode;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private record Connection(String jdbcUrl, String host, String username, String password) {

        /** SSL is required by default unless the database is on this machine (the old behaviour). */
        String jdbcUrl(Optional<String> sslSetting) {
            if (!jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.contains("sslmode=")) {
                return jdbcUrl;
            }
            boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
            String mode = sslSetting.orElse(local ? "disable" : "require");
            return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "sslmode=" + mode;
        }
    }
}
