package com.pagenow.userapi.embedded;

import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.embedded.wiring.UseCases;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The user-api use cases inside another JVM service, over a {@link DataSource} it already has: the same rules, SQL,
 * transactions and live-event outbox as the HTTP service, wired the same way, with no HTTP server, Cognito or AWS
 * SDK. A write made here is what the service would have written, and the service's live event streams hear of it.
 *
 * <pre>{@code
 * UserApiLibrary userApi = UserApiLibrary.using(dataSource).build();
 * userApi.friendships().sendFriendRequest(SendFriendRequestCommand.of(caller, "bob"));
 * }</pre>
 *
 * <p>The schema is never migrated silently: call {@link #migrate()} when this service owns the migrations, or
 * leave them to the user-api service's deploy step. The data source stays the caller's: its pool size, time limits
 * and closing are the caller's to choose.
 */
public final class UserApiLibrary {

    private final DataSource dataSource;
    private final Users users;
    private final Friendships friendships;
    private final Blocks blocks;
    private final Shares shares;
    private final Search search;

    private UserApiLibrary(DataSource dataSource, UseCases useCases) {
        this.dataSource = dataSource;
        this.users = Delegates.over(Users.class, useCases.profiles());
        this.friendships = Delegates.over(Friendships.class, useCases.friendships(), useCases.friendshipQueries());
        this.blocks = Delegates.over(Blocks.class, useCases.blocks());
        this.shares = Delegates.over(Shares.class, useCases.shares(), useCases.shareQueries());
        this.search = Delegates.over(Search.class, useCases.search());
    }

    /**
     * Starts building a library over {@code dataSource}: PostgreSQL (the service's database) or an H2 database in
     * PostgreSQL mode.
     *
     * @param dataSource the caller's connections; {@link #migrate()} needs three at once
     * @return a builder; nothing is opened before {@link Builder#build()}
     */
    public static Builder using(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Applies the migrations this version has and the database lacks (the service's own, under the same lock, so
     * that it is safe beside a deploy of the service), and says what it did.
     *
     * @return the schema version before and after, and the versions applied
     * @throws com.pagenow.userapi.application.error.DatabaseUnavailableException when no connection can be had
     * @throws RuntimeException when a migration fails (the failed migration's transaction is rolled back)
     */
    public Migration migrate() {
        Persistence.MigrationReport report = Persistence.migrate(dataSource);
        return new Migration(report.versionBefore(), report.versionAfter(), report.applied());
    }

    /**
     * The profile use cases.
     *
     * @return register, read and update one's own profile; read others' public profiles
     */
    public Users users() {
        return users;
    }

    /**
     * The friendship use cases.
     *
     * @return send, accept, decline and remove friendships; check, list, count and suggest friends
     */
    public Friendships friendships() {
        return friendships;
    }

    /**
     * The block use cases.
     *
     * @return block, unblock and list blocked users
     */
    public Blocks blocks() {
        return blocks;
    }

    /**
     * The share-notification use cases.
     *
     * @return share pages with friends, mark them seen, list received and sent shares
     */
    public Shares shares() {
        return shares;
    }

    /**
     * The search use cases.
     *
     * @return search users and friends
     */
    public Search search() {
        return search;
    }

    /**
     * What {@link #migrate()} did.
     *
     * @param versionBefore the schema version found ({@code empty} for a database without user-api's tables)
     * @param versionAfter  the schema version now
     * @param applied       the versions applied, in order; empty when the schema was already current
     */
    public record Migration(String versionBefore, String versionAfter, List<String> applied) {

        /**
         * A migration report.
         *
         * @param versionBefore the schema version found
         * @param versionAfter  the schema version now
         * @param applied       the versions applied, copied
         */
        public Migration {
            applied = List.copyOf(applied);
        }
    }

    /** Options of a {@link UserApiLibrary}; {@link #build()} makes it. */
    public static final class Builder {

        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The clock the use cases stamp their writes with (the system UTC clock unless given).
         *
         * @param clock the clock to use
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the library: takes one connection to tell PostgreSQL from H2, and migrates nothing.
         *
         * @return the library
         * @throws IllegalArgumentException for a database that is neither PostgreSQL nor H2
         * @throws com.pagenow.userapi.application.error.DatabaseUnavailableException when no connection can be had
         */
        public UserApiLibrary build() {
            Persistence persistence = Persistence.over(dataSource);
            return new UserApiLibrary(dataSource, UseCases.wire(persistence, clock));
        }
    }
}
