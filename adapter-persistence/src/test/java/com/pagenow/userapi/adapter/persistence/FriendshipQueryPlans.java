package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: migrates a PostgreSQL database (e.g. the bench data set) and prints {@code EXPLAIN (ANALYZE, BUFFERS)}
 * of the exact SQL {@link JooqFriendshipRepository} and {@link JooqFriendGraph} send, once with its values (custom
 * plan) and once as the prepared statement the driver reuses (generic plan). For docs/benchmarks.md.
 * <p>
 * {@code java -cp <test class path> com.pagenow.userapi.adapter.persistence.FriendshipQueryPlans
 * jdbc:postgresql://127.0.0.1:5432/bench_friend postgres <user> <viewer> [<more ids for relationships, comma-separated>]}
 */
final class FriendshipQueryPlans {

    private record Captured(String label, String sql, List<Object> values) {}

    private FriendshipQueryPlans() {}

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        String username = args[1];
        UserId user = UserId.of(args[2]);
        UserId viewer = UserId.of(args[3]);

        long started = System.nanoTime();
        Persistence.start(PersistenceSettings.of(url, username, null).withPoolSize(2))
                .close();
        System.out.printf(
                "-- Persistence.start (migrations) took %d ms%n%n", (System.nanoTime() - started) / 1_000_000);

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(username);
        List<Captured> captured = new ArrayList<>();
        String[] label = {null};
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false))
                .configuration()
                .derive(ExecuteListener.onExecuteStart(ctx -> captured.add(new Captured(
                        label[0], ctx.sql(), List.of(ctx.query().getBindValues().toArray())))))
                .dsl();
        JooqContext db = new JooqContext(dsl, null);
        JooqFriendshipRepository friendships = new JooqFriendshipRepository(db);
        JooqFriendGraph graph = new JooqFriendGraph(db);

        label[0] = "friends list: GET /users/id/{user}/friends?limit=15 (friendsOf)";
        graph.friendsOf(user, viewer, PageRequest.of(15, 0));
        label[0] = "friend count: GET /users/id/{user}/friends/count (countFriends)";
        graph.countFriends(user, viewer);
        label[0] = "mutual friends count: GET /users/id/{user}/mutual-friends/count (countMutualFriends)";
        graph.countMutualFriends(viewer, user);
        label[0] = "mutual friends list: GET /users/id/{user}/mutual-friends?limit=15 (mutualFriends)";
        graph.mutualFriends(viewer, user, PageRequest.of(15, 0));
        label[0] = "pending requests: GET /friendship/requests (pendingRequestsTo)";
        friendships.pendingRequestsTo(user);
        label[0] = "check: GET /friendship/check/{user} (findBetween)";
        friendships.findBetween(viewer, user);
        label[0] = "all friends: GET /friendship/all (allFriends)";
        graph.allFriends(user);
        label[0] = "suggestions: GET /users/me/suggestions?limit=10 (suggestions)";
        graph.suggestions(viewer, PageRequest.of(10, 0));
        label[0] = "relationships: GET /friendship/relationships?ids=<20 ids> (relationships)";
        List<UserId> twenty = new ArrayList<>(List.of(user, viewer));
        for (String id : args.length > 4 ? args[4].split(",") : new String[0]) {
            twenty.add(UserId.of(id));
        }
        graph.relationships(viewer, twenty);

        try (Connection connection = dataSource.getConnection()) {
            for (Captured query : captured) {
                System.out.println("-- " + query.label());
                System.out.println(inlined(query) + ";");
                System.out.println("-- custom plan (the statement's first executions):");
                explain(connection, "EXPLAIN (ANALYZE, BUFFERS) " + inlined(query));
                System.out.println("-- generic plan (what a prepared statement settles on):");
                execute(connection, "DEALLOCATE ALL");
                execute(connection, "PREPARE q AS " + numbered(query.sql()));
                execute(connection, "SET plan_cache_mode = force_generic_plan");
                explain(connection, "EXPLAIN (ANALYZE, BUFFERS) EXECUTE q(" + literals(query.values()) + ")");
                execute(connection, "RESET plan_cache_mode");
                System.out.println();
            }
        }
    }

    private static String inlined(Captured query) {
        return DSL.using(SQLDialect.POSTGRES)
                .renderInlined(DSL.query(query.sql(), query.values().toArray()));
    }

    /** jOOQ's {@code ?} placeholders as PostgreSQL's {@code $n} (the queries hold no {@code ?} literals). */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return out.toString();
    }

    private static String literals(List<Object> values) {
        List<String> rendered = new ArrayList<>();
        for (Object value : values) {
            rendered.add(DSL.using(SQLDialect.POSTGRES).renderInlined(DSL.inline(value)));
        }
        return String.join(", ", rendered);
    }

    private static void explain(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery(sql)) {
            while (plan.next()) {
                System.out.println(plan.getString(1));
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
