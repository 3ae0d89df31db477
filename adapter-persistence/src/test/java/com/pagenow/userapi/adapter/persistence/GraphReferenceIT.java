package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suggestions and relationships answer exactly what a slow, obviously correct computation from the rows answers:
 * every friendship and block row read into plain Java collections, friends of friends counted by loops. Runs on
 * a generated graph of a few hundred users (clusters, so that friends of friends share friends; pending requests
 * and blocks both ways), on PostgreSQL and on the embedded H2 database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphReferenceIT {

    private static final int USERS = 300;
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final Map<String, TestDatabase> databases = new HashMap<>();
    private final Map<String, Persistence> persistences = new HashMap<>();

    /** Rows as read back: friendships by (user_id1, user_id2) and blocks by (blocker, blocked). */
    private record FriendshipRow(String asker, String asked, Instant requestedAt, Instant acceptedAt) {}

    @BeforeAll
    void start() {
        for (String vendor : List.of("postgres", "h2")) {
            TestDatabase database =
                    vendor.equals("postgres") ? TestDatabase.postgres(getClass()) : TestDatabase.h2(getClass());
            databases.put(vendor, database);
            Persistence persistence = Persistence.start(database.settings());
            persistences.put(vendor, persistence);
            seed(database, 7);
        }
    }

    @AfterAll
    void stop() {
        persistences.values().forEach(Persistence::close);
        databases.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void suggestionsAreTheFriendsOfFriendsCountedFromTheRows(String vendor) throws SQLException {
        Graph graph = read(databases.get(vendor));
        FriendGraph repository = persistences.get(vendor).friendGraph();
        int nonEmpty = 0;
        for (int n = 0; n < USERS; n += 3) {
            String viewer = id(n);
            List<String> expected = graph.suggestionsFor(viewer);
            nonEmpty += expected.isEmpty() ? 0 : 1;
            for (PageRequest page : List.of(
                    PageRequest.of(50, 0), PageRequest.of(10, 0), PageRequest.of(7, 5), PageRequest.of(10, 40))) {
                List<UserSummary> found = repository.suggestions(UserId.of(viewer), page);
                assertThat(found)
                        .as("%s %s", viewer, page)
                        .extracting(s -> s.id().value() + ":" + s.mutualFriendCount())
                        .containsExactlyElementsOf(window(expected, page));
                assertThat(found).allSatisfy(s -> assertThat(s.status()).isEqualTo(FriendshipStatus.NONE));
            }
        }
        assertThat(nonEmpty).as("viewers with suggestions").isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void relationshipsAreWhatTheRowsSayInRequestOrder(String vendor) throws SQLException {
        Graph graph = read(databases.get(vendor));
        FriendGraph repository = persistences.get(vendor).friendGraph();
        Random random = new Random(11);
        Set<FriendshipStatus> seen = new HashSet<>();
        boolean sawBlocking = false;
        long skippedBlockers = 0;
        for (int n = 0; n < USERS; n += 5) {
            String viewer = id(n);
            List<UserId> asked = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int other = random.nextInt(8) == 0
                        ? random.nextInt(USERS + 20) // some unknown ids
                        : Math.floorMod(n + random.nextInt(21) - 10, USERS); // mostly neighbours
                asked.add(UserId.of(id(other)));
            }
            asked.add(UserId.of(viewer));
            List<UserId> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(asked))
                    .subList(0, Math.min(100, new java.util.LinkedHashSet<>(asked).size()));
            List<Relationship> found = repository.relationships(UserId.of(viewer), distinct);
            List<String> expected = distinct.stream()
                    .map(UserId::value)
                    .filter(graph.users::contains)
                    .filter(other -> !graph.blocks.contains(List.of(other, viewer))) // skipped as unknown
                    .map(other -> graph.relationship(viewer, other))
                    .toList();
            assertThat(found).as(viewer).extracting(GraphReferenceIT::describe).containsExactlyElementsOf(expected);
            skippedBlockers += distinct.stream()
                    .filter(id -> graph.blocks.contains(List.of(id.value(), viewer)))
                    .count();
            found.forEach(r -> seen.add(r.status()));
            sawBlocking |= found.stream().anyMatch(Relationship::blocking);
        }
        assertThat(seen).containsExactlyInAnyOrder(FriendshipStatus.values());
        assertThat(sawBlocking).isTrue();
        assertThat(skippedBlockers)
                .as("ids of users who block the viewer, asked for")
                .isPositive();
    }

    private static String describe(Relationship r) {
        return r.userId().value() + " " + r.status() + " " + r.mutualFriendCount() + " " + r.requestedAt() + " "
                + r.acceptedAt() + " " + r.blocking();
    }

    private static List<String> window(List<String> all, PageRequest page) {
        return all.subList(Math.min(all.size(), page.offset()), Math.min(all.size(), page.offset() + page.limit()));
    }

    /** Everything the rows say, in plain collections; each answer computed by loops over them. */
    private static final class Graph {
        final Set<String> users = new HashSet<>();
        final List<FriendshipRow> friendships = new ArrayList<>();
        final Set<List<String>> blocks = new HashSet<>();

        Set<String> friendsOf(String user) {
            Set<String> friends = new HashSet<>();
            for (FriendshipRow row : friendships) {
                if (row.acceptedAt() != null && row.asker().equals(user)) {
                    friends.add(row.asked());
                }
                if (row.acceptedAt() != null && row.asked().equals(user)) {
                    friends.add(row.asker());
                }
            }
            return friends;
        }

        FriendshipRow between(String a, String b) {
            for (FriendshipRow row : friendships) {
                if ((row.asker().equals(a) && row.asked().equals(b))
                        || (row.asker().equals(b) && row.asked().equals(a))) {
                    return row;
                }
            }
            return null;
        }

        boolean blocked(String a, String b) {
            return blocks.contains(List.of(a, b)) || blocks.contains(List.of(b, a));
        }

        /** "id:mutual", by mutual count descending, then id descending. */
        List<String> suggestionsFor(String viewer) {
            Set<String> mine = friendsOf(viewer);
            Map<String, Integer> mutual = new HashMap<>();
            for (String candidate : users) {
                if (candidate.equals(viewer) || between(viewer, candidate) != null || blocked(viewer, candidate)) {
                    continue;
                }
                Set<String> shared = new HashSet<>(friendsOf(candidate));
                shared.retainAll(mine);
                if (!shared.isEmpty()) {
                    mutual.put(candidate, shared.size());
                }
            }
            List<String> ids = new ArrayList<>(mutual.keySet());
            ids.sort(Comparator.comparing((String id) -> mutual.get(id))
                    .reversed()
                    .thenComparing(Comparator.<String>reverseOrder()));
            return ids.stream().map(id -> id + ":" + mutual.get(id)).toList();
        }

        String relationship(String viewer, String other) {
            FriendshipRow row = viewer.equals(other) ? null : between(viewer, other);
            FriendshipStatus status = row == null
                    ? FriendshipStatus.NONE
                    : row.acceptedAt() != null
                            ? FriendshipStatus.FRIENDS
                            : row.asker().equals(viewer) ? FriendshipStatus.OUTGOING : FriendshipStatus.INCOMING;
            Set<String> shared = new HashSet<>(friendsOf(viewer));
            shared.retainAll(friendsOf(other));
            return other + " " + status + " " + shared.size() + " " + (row == null ? null : row.requestedAt()) + " "
                    + (row == null ? null : row.acceptedAt()) + " " + blocks.contains(List.of(viewer, other));
        }
    }

    private static Graph read(TestDatabase database) throws SQLException {
        Graph graph = new Graph();
        try (Connection connection = database.connect()) {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT user_id FROM user_table")) {
                while (rows.next()) {
                    graph.users.add(rows.getString(1));
                }
            }
            try (ResultSet rows = connection
                    .createStatement()
                    .executeQuery("SELECT user_id1, user_id2, requested_at, accepted_at FROM friendship_table")) {
                while (rows.next()) {
                    graph.friendships.add(new FriendshipRow(
                            rows.getString(1),
                            rows.getString(2),
                            instant(rows.getTimestamp(3)),
                            instant(rows.getTimestamp(4))));
                }
            }
            try (ResultSet rows =
                    connection.createStatement().executeQuery("SELECT blocker_id, blocked_id FROM user_block_table")) {
                while (rows.next()) {
                    graph.blocks.add(List.of(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return graph;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static String id(int n) {
        return String.format("g%04d", n);
    }

    /** Clusters of about 30 neighbours, a few long links, some pending requests both ways and blocks both ways. */
    private static void seed(TestDatabase database, long seed) {
        Random random = new Random(seed);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement(
                    "INSERT INTO user_table (user_id, email, first_name, last_name) VALUES (?, ?, ?, ?)")) {
                for (int n = 0; n < USERS; n++) {
                    user.setString(1, id(n));
                    user.setString(2, id(n) + "@example.com");
                    user.setString(3, "First" + n);
                    user.setString(4, "Last" + n);
                    user.addBatch();
                }
                user.executeBatch();
            }
            Set<List<Integer>> pairs = new HashSet<>();
            try (PreparedStatement friendship = connection.prepareStatement(
                    "INSERT INTO friendship_table (user_id1, user_id2, requested_at, accepted_at) VALUES (?, ?, ?, ?)")) {
                for (int n = 0; n < USERS; n++) {
                    int links = 2 + random.nextInt(9);
                    for (int k = 0; k < links; k++) {
                        int other = random.nextInt(20) == 0
                                ? random.nextInt(USERS)
                                : Math.floorMod(n + random.nextInt(31) - 15, USERS);
                        List<Integer> pair = List.of(Math.min(n, other), Math.max(n, other));
                        if (other == n || !pairs.add(pair)) {
                            continue;
                        }
                        Instant asked = T0.plusSeconds(random.nextInt(1_000_000));
                        friendship.setString(1, id(n));
                        friendship.setString(2, id(other));
                        friendship.setObject(3, LocalDateTime.ofInstant(asked, ZoneOffset.UTC));
                        friendship.setObject(
                                4,
                                random.nextInt(6) == 0
                                        ? null
                                        : LocalDateTime.ofInstant(asked.plusSeconds(3600), ZoneOffset.UTC));
                        friendship.addBatch();
                    }
                }
                friendship.executeBatch();
            }
            // Blocks between users that have no relationship, as the service leaves them (it ends any first).
            try (PreparedStatement block = connection.prepareStatement(
                    "INSERT INTO user_block_table (blocker_id, blocked_id, blocked_at) VALUES (?, ?, ?)")) {
                Set<List<Integer>> blocked = new HashSet<>();
                for (int i = 0; i < USERS / 3; i++) {
                    int a = random.nextInt(USERS);
                    int b = Math.floorMod(a + random.nextInt(31) - 15, USERS);
                    if (a == b
                            || pairs.contains(List.of(Math.min(a, b), Math.max(a, b)))
                            || !blocked.add(List.of(a, b))) {
                        continue;
                    }
                    block.setString(1, id(a));
                    block.setString(2, id(b));
                    block.setObject(3, LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
                    block.addBatch();
                }
                block.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
