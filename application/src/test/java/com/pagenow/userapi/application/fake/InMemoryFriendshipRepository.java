package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link FriendshipRepository} in a map keyed by the unordered pair, as the database's unique index is; its
 * {@link #graph()} reads them. User data for the read models comes from an {@link InMemoryUserRepository}. Given a
 * {@link DirectTransactionRunner}, it rejects writes made outside a transaction.
 */
public class InMemoryFriendshipRepository implements FriendshipRepository {

    private final Map<Pair, Friendship> friendships = new LinkedHashMap<>();
    private final InMemoryUserRepository users;
    private final DirectTransactionRunner transactions;
    private final InMemoryBlockRepository blocks;
    private final InMemoryFriendGraph graph;
    private Friendship concurrentInsert;

    public InMemoryFriendshipRepository(InMemoryUserRepository users) {
        this(users, null);
    }

    public InMemoryFriendshipRepository(InMemoryUserRepository users, DirectTransactionRunner transactions) {
        this(users, transactions, new InMemoryBlockRepository(users));
    }

    public InMemoryFriendshipRepository(
            InMemoryUserRepository users, DirectTransactionRunner transactions, InMemoryBlockRepository blocks) {
        this.users = users;
        this.transactions = transactions;
        this.blocks = blocks;
        this.graph = new InMemoryFriendGraph(this, users);
    }

    /** The reads over the relationships stored here. */
    public InMemoryFriendGraph graph() {
        return graph;
    }

    /** The blocks this fake hides users by. */
    public InMemoryBlockRepository blocks() {
        return blocks;
    }

    @Override
    public synchronized Optional<Friendship> findBetween(UserId a, UserId b) {
        return Optional.ofNullable(friendships.get(Pair.of(a, b)));
    }

    @Override
    public synchronized void insert(Friendship friendship) {
        requireTransaction();
        if (concurrentInsert != null) {
            friendships.putIfAbsent(
                    Pair.of(concurrentInsert.requester(), concurrentInsert.addressee()), concurrentInsert);
            concurrentInsert = null;
        }
        if (friendships.putIfAbsent(Pair.of(friendship.requester(), friendship.addressee()), friendship) != null) {
            throw Friendship.alreadyRelated();
        }
    }

    @Override
    public synchronized void markAccepted(Friendship accepted) {
        requireTransaction();
        Pair key = Pair.of(accepted.requester(), accepted.addressee());
        Friendship stored = friendships.get(key);
        if (stored == null || !stored.requester().equals(accepted.requester()) || stored.isAccepted()) {
            throw Friendship.noPendingRequest();
        }
        friendships.put(key, accepted);
    }

    @Override
    public synchronized void delete(Friendship friendship) {
        requireTransaction();
        Pair key = Pair.of(friendship.requester(), friendship.addressee());
        Friendship stored = friendships.get(key);
        if (stored == null || !stored.requester().equals(friendship.requester())) {
            throw Friendship.notFound();
        }
        friendships.remove(key);
    }

    @Override
    public synchronized List<FriendRequest> pendingRequestsTo(UserId addressee) {
        return friendships.values().stream()
                .filter(f -> f.isPending() && f.addressee().equals(addressee))
                .sorted(Comparator.comparing(Friendship::requestedAt)
                        .reversed()
                        .thenComparing(f -> f.requester().value()))
                .map(f -> {
                    User requester = user(f.requester());
                    return new FriendRequest(
                            requester.id(),
                            requester.firstName(),
                            requester.lastName(),
                            requester.details().description(),
                            requester.profileImage(),
                            f.requestedAt());
                })
                .toList();
    }

    @Override
    public synchronized Set<UserId> acceptedFriendIds(UserId user) {
        return friendships.values().stream()
                .filter(f -> f.isAccepted() && f.involves(user))
                .map(f -> f.requester().equals(user) ? f.addressee() : f.requester())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Simulates a race: {@code other} is stored by someone else just before the next {@link #insert} runs. */
    public synchronized void storeConcurrentlyBeforeNextInsert(Friendship other) {
        concurrentInsert = other;
    }

    /** Every stored relationship, in insertion order. */
    public synchronized List<Friendship> all() {
        return List.copyOf(friendships.values());
    }

    private User user(UserId id) {
        // The database's foreign keys guarantee this; a fake that silently skipped would hide a broken test setup.
        return users.findById(id).orElseThrow(() -> new IllegalStateException("no user " + id + " in the fake"));
    }

    private void requireTransaction() {
        if (transactions != null && !transactions.isActive()) {
            throw new IllegalStateException("write outside a transaction");
        }
    }

    /** The unordered pair of users, like the database's unique index on (least, greatest). */
    private record Pair(UserId low, UserId high) {

        static Pair of(UserId a, UserId b) {
            return a.value().compareTo(b.value()) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }
}
