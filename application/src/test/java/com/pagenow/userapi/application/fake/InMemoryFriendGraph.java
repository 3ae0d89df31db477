package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link FriendGraph} over the relationships an {@link InMemoryFriendshipRepository} stores, hiding users by its
 * blocks; user data for the read models comes from an {@link InMemoryUserRepository}.
 */
public class InMemoryFriendGraph implements FriendGraph {

    /** Names sort as the port promises; the fake compares Java strings, so tests use names that sort alike. */
    private static final Comparator<User> BY_NAME = Comparator.comparing(
                    (User user) -> user.firstName().value())
            .thenComparing(user -> user.lastName().value())
            .thenComparing(user -> user.id().value());

    private final InMemoryFriendshipRepository friendships;
    private final InMemoryUserRepository users;

    public InMemoryFriendGraph(InMemoryFriendshipRepository friendships, InMemoryUserRepository users) {
        this.friendships = friendships;
        this.users = users;
    }

    @Override
    public synchronized List<UserSummary> friendsOf(UserId user, UserId viewer, PageRequest page) {
        return page(friendsSorted(user).filter(friend -> !friendships.blocks().separates(viewer, friend.id())), page)
                .map(friend -> summary(friend, statusBetween(viewer, friend.id())))
                .toList();
    }

    @Override
    public synchronized long countFriends(UserId user, UserId viewer) {
        return friendships.acceptedFriendIds(user).stream()
                .filter(friend -> !friendships.blocks().separates(viewer, friend))
                .count();
    }

    @Override
    public synchronized List<UserSummary> mutualFriends(UserId viewer, UserId other, PageRequest page) {
        Set<UserId> viewersFriends = friendships.acceptedFriendIds(viewer);
        return page(friendsSorted(other).filter(friend -> viewersFriends.contains(friend.id())), page)
                .map(friend -> summary(friend, FriendshipStatus.FRIENDS))
                .toList();
    }

    @Override
    public synchronized long countMutualFriends(UserId a, UserId b) {
        Set<UserId> shared = new LinkedHashSet<>(friendships.acceptedFriendIds(a));
        shared.retainAll(friendships.acceptedFriendIds(b));
        return shared.size();
    }

    @Override
    public synchronized List<UserSummary> allFriends(UserId user) {
        return friendsSorted(user)
                .map(friend -> summary(friend, FriendshipStatus.FRIENDS))
                .toList();
    }

    @Override
    public synchronized List<Relationship> relationships(UserId viewer, List<UserId> ids) {
        return ids.stream()
                .filter(id -> users.findById(id).isPresent())
                .filter(id -> friendships.blocks().between(viewer, id).maySeeProfile())
                .map(id -> {
                    Optional<Friendship> between =
                            viewer.equals(id) ? Optional.empty() : friendships.findBetween(viewer, id);
                    return new Relationship(
                            id,
                            statusBetween(viewer, id),
                            countMutualFriends(viewer, id),
                            between.map(Friendship::requestedAt).orElse(null),
                            between.map(Friendship::acceptedAt).orElse(null),
                            friendships.blocks().between(viewer, id).blocking());
                })
                .toList();
    }

    @Override
    public synchronized List<UserSummary> suggestions(UserId viewer, PageRequest page) {
        Map<UserId, Long> mutual = friendships.acceptedFriendIds(viewer).stream()
                .flatMap(friend -> friendships.acceptedFriendIds(friend).stream())
                .filter(candidate -> !candidate.equals(viewer))
                .filter(candidate -> friendships.findBetween(viewer, candidate).isEmpty())
                .filter(candidate -> !friendships.blocks().separates(viewer, candidate))
                .collect(Collectors.groupingBy(candidate -> candidate, Collectors.counting()));
        return mutual.entrySet().stream()
                .sorted(Map.Entry.<UserId, Long>comparingByValue()
                        .reversed()
                        .thenComparing(entry -> entry.getKey().value(), Comparator.reverseOrder()))
                .skip(page.offset())
                .limit(page.limit())
                .map(entry -> {
                    User user = user(entry.getKey());
                    return new UserSummary(
                            user.id(),
                            user.firstName(),
                            user.lastName(),
                            user.details().description(),
                            user.profileImage(),
                            FriendshipStatus.NONE,
                            entry.getValue());
                })
                .toList();
    }

    private Stream<User> friendsSorted(UserId user) {
        return friendships.acceptedFriendIds(user).stream().map(this::user).sorted(BY_NAME);
    }

    private static Stream<User> page(Stream<User> sorted, PageRequest page) {
        return sorted.skip(page.offset()).limit(page.limit());
    }

    private FriendshipStatus statusBetween(UserId viewer, UserId other) {
        if (viewer.equals(other)) {
            return FriendshipStatus.NONE;
        }
        return friendships
                .findBetween(viewer, other)
                .map(f -> f.statusFor(viewer))
                .orElse(FriendshipStatus.NONE);
    }

    private static UserSummary summary(User user, FriendshipStatus status) {
        return new UserSummary(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.details().description(),
                user.profileImage(),
                status,
                null);
    }

    private User user(UserId id) {
        // The database's foreign keys guarantee this; a fake that silently skipped would hide a broken test setup.
        return users.findById(id).orElseThrow(() -> new IllegalStateException("no user " + id + " in the fake"));
    }
}
