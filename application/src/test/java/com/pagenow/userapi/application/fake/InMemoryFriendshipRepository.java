package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
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
import java.util.stream.Stream;

/**
 * {@link FriendshipRepository} in a map keyed by the unordered pair, as the database's unique index is. User data
 * for the read models comes from an {@link InMemoryUserRepository}. Given a {@link DirectTransactionRunner}, it
 * rejects writes made outside a transaction.
 */
public class InMemoryFriendshipRepository implements FriendshipRepository {

    /** Names sort as the port promises; the fake compares Java strings, so tests use names that sort alike. */
    private static final Comparator<User> BY_NAME = Comparator
            .comparing((User user) -> user.firstName().value())
            .thenComparing(user -> user.lastName().value())
            .thenComparing(user -> user.id().value());

    private final Map<Pair, Friendship> friendships = new LinkedHashMap<>();
    private final InMemoryUserRepository users;
    private final DirectTransactionRunner transactions;
    private final InMemoryBlockRepository blocks;
    private Friendship concurrentInsert;

    public InMemoryFriendshipRepository(InMemoryUserRepository users) {
        this(users, null);
    }

    public InMemoryFriendshipRepository(InMemoryUserRepository users, DirectTransactionRunner transactions) {
        this(users, transactions, new InMemoryBlockRepository(users));
    }

    public InMemoryFriendshipRepository(InMemoryUserRepository users, DirectTransactionRunner transactions,
                                        InMemoryBlockRepository blocks) {
        this.users = users;
        this.transactions = transactions;
        this.blocks = blocks;
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
            friendships.putIfAbsent(Pair.of(concurrentInsert.requester(), concurrentInsert.addressee()),
                    concurrentInsert);
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
                .sorted(Comparator.comparing(Friendship::requestedAt).reversed()
                        .thenComparing(f -> f.requester().value()))
                .map(f -> {
                    User requester = user(f.requester());
                    return new FriendRequest(requester.id(), requester.firstName(), requester.lastName(),
                            requester.details().description(), requester.profileImage(), f.requestedAt());
                })
                .toList();
    }

    @Override
    public synchronized List<UserSummary> friendsOf(UserId user, UserId viewer, PageRequest page) {
        return page(friendsSorted(user).filter(friend -> !blocks.separates(viewer, friend.id())), page)
                .map(friend -> summary(friend, statusBetween(viewer, friend.id())))
                .toList();
    }

    @Override
    public synchronized long countFriends(UserId user) {
        return acceptedFriendIds(user).size();
    }

    @Override
    public synchronized List<UserSummary> mutualFriends(UserId viewer, UserId other, PageRequest page) {
        Set<UserId> viewersFriends = acceptedFriendIds(viewer);
        return page(friendsSorted(other).filter(friend -> viewersFriends.contains(friend.id())), page)
                .map(friend -> summary(friend, FriendshipStatus.FRIENDS))
                .toList();
    }

    @Override
    public synchronized long countMutualFriends(UserId a, UserId b) {
        Set<UserId> shared = new LinkedHashSet<>(acceptedFriendIds(a));
        shared.retainAll(acceptedFriendIds(b));
        return shared.size();
    }

    @Override
    public synchronized List<UserSummary> allFriends(UserId user) {
        return friendsSorted(user).map(friend -> summary(friend, FriendshipStatus.FRIENDS)).toList();
    }

    @Override
    public synchronized Set<UserId> acceptedFriendIds(UserId user) {
        return friendships.values().stream()
                .filter(f -> f.isAccepted() && f.involves(user))
                .map(f -> f.otherThan(user))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public synchronized List<Relationship> relationships(UserId viewer, List<UserId> ids) {
        return ids.stream()
                .filter(id -> users.findById(id).isPresent())
                .map(id -> {
                    Optional<Friendship> between = viewer.equals(id) ? Optional.empty() : findBetween(viewer, id);
                    return new Relationship(id, statusBetween(viewer, id), countMutualFriends(viewer, id),
                            between.map(Friendship::requestedAt).orElse(null),
                            between.map(Friendship::acceptedAt).orElse(null),
                            blocks.between(viewer, id).blocking());
                })
                .toList();
    }

    @Override
    public synchronized List<UserSummary> suggestions(UserId viewer, PageRequest page) {
        Map<UserId, Long> mutual = acceptedFriendIds(viewer).stream()
                .flatMap(friend -> acceptedFriendIds(friend).stream())
                .filter(candidate -> !candidate.equals(viewer))
                .filter(candidate -> findBetween(viewer, candidate).isEmpty())
                .filter(candidate -> !blocks.separates(viewer, candidate))
                .collect(Collectors.groupingBy(candidate -> candidate, Collectors.counting()));
        return mutual.entrySet().stream()
                .sorted(Map.Entry.<UserId, Long>comparingByValue().reversed()
                        .thenComparing(entry -> entry.getKey().value(), Comparator.reverseOrder()))
                .skip(page.offset())
                .limit(page.limit())
                .map(entry -> {
                    User user = user(entry.getKey());
                    return new UserSummary(user.id(), user.firstName(), user.lastName(), user.details().description(),
                            user.profileImage(), FriendshipStatus.NONE, entry.getValue());
                })
                .toList();
    }

    /** Simulates a race: {@code other} is stored by someone else just before the next {@link #insert} runs. */
    public synchronized void storeConcurrentlyBeforeNextInsert(Friendship other) {
        concurrentInsert = other;
    }

    /** Every stored relationship, in insertion order. */
    public synchronized List<Friendship> all() {
        return List.copyOf(friendships.values());
    }

    private Stream<User> friendsSorted(UserId user) {
        return acceptedFriendIds(user).stream().map(this::user).sorted(BY_NAME);
    }

    private static Stream<User> page(Stream<User> sorted, PageRequest page) {
        return sorted.skip(page.offset()).limit(page.limit());
    }

    private FriendshipStatus statusBetween(UserId viewer, UserId other) {
        if (viewer.equals(other)) {
            return FriendshipStatus.NONE;
        }
        return findBetween(viewer, other).map(f -> f.statusFor(viewer)).orElse(FriendshipStatus.NONE);
    }

    private static UserSummary summary(User user, FriendshipStatus status) {
        return new UserSummary(user.id(), user.firstName(), user.lastName(), user.details().description(),
                user.profileImage(), status, null);
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
