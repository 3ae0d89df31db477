package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.persistence.PersistenceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code user-api migrate}: the deploy step that applies the database migrations and exits (0 when the schema is
 * current, 1 with one line when it could not be migrated, 2 for a bad setting). It reads only the database settings,
 * so the one-off ECS task needs no Cognito or HTTP settings. {@code DATABASE_MIGRATE=false} is the service's side of
 * the same switch: it then does not migrate at start.
 */
final class MigrateCommand {

    static final String MIGRATE_AT_START = "DATABASE_MIGRATE";

    private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);

    private MigrateCommand() {}

    /** Runs the migrations against the database the environment names; returns the process exit code. */
    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        PersistenceSettings database;
        try {
            database = DatabaseEnvironment.read(new Environment(environment));
        } catch (ConfigException badSetting) {
            err.println("user-api: " + badSetting.getMessage());
            return 2;
        }
        try {
            Persistence.MigrationReport report = Persistence.migrate(database.withPoolSize(1));
            out.println("user-api: database " + Production.safeUrl(database.jdbcUrl()) + " at schema version "
                    + report.versionAfter() + " (was " + report.versionBefore() + "); applied: "
                    + (report.applied().isEmpty() ? "none" : String.join(", ", report.applied())));
            return 0;
        } catch (RuntimeException failed) {
            LOG.debug("Migration failed", failed);
            err.println("user-api: migration failed: " + oneLine(failed));
            return 1;
        }
    }

    /** Flyway's messages span lines (SQL state, statement...): the first line of the failure and of its cause. */
    static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = firstLine(failure);
        return root == failure ? message : message + " (" + firstLine(root) + ")";
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }

    /** {@code DATABASE_MIGRATE}: {@code true} (default) migrates at start, {@code false} only checks the schema. */
    static boolean migrateAtStart(Environment env) {
        return env.bool(MIGRATE_AT_START, true);
    }
}
