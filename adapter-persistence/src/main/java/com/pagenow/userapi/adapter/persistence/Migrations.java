package com.pagenow.userapi.adapter.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Brings a database to the latest schema with Flyway. A database the old service created (its tables, no Flyway
 * history) is baselined at version 1, since V1 is exactly that schema, and then gets V2 onwards.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    static MigrateResult migrate(DataSource dataSource, Vendor vendor) {
        return migrate(dataSource, vendor, null);
    }

    /**
     * Several instances may start at once on one database (a rolling deploy, two tasks of a new service): one
     * migrates while the others wait for it, then find nothing left to do. Without this, a second instance could
     * find the history table the first had just created still empty, and fail to baseline it.
     *
     * @param target the last version to apply, or null for the latest
     */
    static MigrateResult migrate(DataSource dataSource, Vendor vendor, String target) {
        try (MigrationLock ignored = MigrationLock.acquire(dataSource, vendor)) {
            return migrateHoldingTheLock(dataSource, vendor, target);
        }
    }

    private static MigrateResult migrateHoldingTheLock(DataSource dataSource, Vendor vendor, String target) {
        var configuration = configure(dataSource, vendor);
        if (target != null) {
            configuration.target(target);
        }
        MigrateResult result = configuration.load().migrate();
        String applied =
                result.migrations.stream().map(migration -> migration.version).collect(Collectors.joining(", "));
        String initial = result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion;
        // Flyway leaves the target version unset when nothing was applied.
        String now = result.targetSchemaVersion == null ? initial : result.targetSchemaVersion;
        LOG.info(
                "Database schema at version {} (was {}); applied: {}",
                now,
                initial,
                applied.isEmpty() ? "none" : applied);
        return result;
    }

    /**
     * For a start without migrating ({@code DATABASE_MIGRATE=false}): fails, naming the versions, when this build
     * has migrations the database has not had. A database ahead of this build (a rollback after a migration) is
     * fine: later migrations are additive.
     */
    static void requireCurrent(DataSource dataSource, Vendor vendor) {
        MigrationInfoService info = configure(dataSource, vendor).load().info();
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            MigrationInfo current = info.current();
            String at = current == null ? "empty (no schema history)" : "at version " + current.getVersion();
            String missing = Arrays.stream(pending)
                    .map(migration -> String.valueOf(migration.getVersion()))
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("database schema is " + at + " and lacks migration(s) " + missing
                    + "; run 'user-api migrate' first (or start with DATABASE_MIGRATE=true)");
        }
        LOG.info(
                "Database schema at version {}; not migrating at start (DATABASE_MIGRATE=false)",
                info.current() == null ? "empty" : info.current().getVersion());
    }

    private static FluentConfiguration configure(DataSource dataSource, Vendor vendor) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(vendor.migrationLocations())
                .baselineOnMigrate(true)
                // Baselining at 1 skips V1. That is right only where V1's tables exist; a schema that holds
                // something else but not our tables gets V1 (baseline 0).
                .baselineVersion(hasOriginalTables(dataSource) ? "1" : "0")
                .baselineDescription("existing user-api schema");
    }

    private static boolean hasOriginalTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection
                        .getMetaData()
                        .getTables(null, connection.getSchema(), "user_table", new String[] {"TABLE"})) {
            return tables.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect the database schema: " + e.getMessage(), e);
        }
    }

    /** What a run of the migrations did, as {@link Persistence.MigrationReport}. */
    static Persistence.MigrationReport report(MigrateResult result) {
        String before = result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion;
        String after = result.targetSchemaVersion == null ? before : result.targetSchemaVersion;
        return new Persistence.MigrationReport(
                before,
                after,
                result.migrations.stream().map(migration -> migration.version).toList());
    }
}
