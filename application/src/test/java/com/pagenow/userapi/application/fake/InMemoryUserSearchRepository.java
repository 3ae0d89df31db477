package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@link UserSearchRepository} over the users of an {@link InMemoryUserRepository} and the friendships of an
 * {@link InMemoryFriendshipRepository}, ranking in plain Java exactly as the port describes.
 */
public class InMemoryUserSearchRepository implements UserSearchRepository {

    private static final Comparator<Ranked> RANKING = Comparator.comparingInt(
                    (Ranked r) -> r.summary().status().state())
            .reversed()
            .thenComparing(Comparator.comparingLong((Ranked r) -> r.summary().mutualFriendCount())
                    .reversed())
            .thenComparing(Comparator.comparingInt(Ranked::score).reversed())
            .thenComparing(
                    Comparator.comparing((Ranked r) -> r.summary().id().value()).reversed());

    private final InMemoryUserRepository users;
    private final InMemoryFriendshipRepository friendships;

    public InMemoryUserSearchRepository(InMemoryUserRepository users, InMemoryFriendshipRepository friendships) {
        this.users = users;
        this.friendships = friendships;
    }

    @Override
    public List<UserSummary> search(UserId viewer, SearchField field, SearchText text, PageRequest page) {
        String needle = lower(text.value());
        return rank(
                users.all().stream()
                        .filter(user -> !user.id().equals(viewer))
                        .filter(user -> !friendships.blocks().separates(viewer, user.id()))
                        .map(user -> ranked(
                                viewer,
                                user,
                                shown(user, field, needle) ? score(lower(fieldOf(user, field)), needle) : 0))
                        .filter(ranked -> ranked.score() > 0)
                        .toList(),
                page);
    }

    @Override
    public List<UserSummary> searchFriends(
            UserId viewer, SearchField field, SearchText text, boolean exact, PageRequest page) {
        String needle = lower(text.value());
        Set<UserId> friends = friendships.acceptedFriendIds(viewer);
        return rank(
                users.all().stream()
                        .filter(user -> friends.contains(user.id()))
                        .map(user -> {
                            String haystack = lower(fieldOf(user, field));
                            int score = !shown(user, field, needle)
                                    ? 0
                                    : exact ? (haystack.equals(needle) ? 3 : 0) : score(haystack, needle);
                            return ranked(viewer, user, score);
                        })
                        .filter(ranked -> ranked.score() > 0)
                        .toList(),
                page);
    }

    private List<UserSummary> rank(List<Ranked> matches, PageRequest page) {
        return matches.stream()
                .sorted(RANKING)
                .skip(page.offset())
                .limit(page.limit())
                .map(Ranked::summary)
                .toList();
    }

    private Ranked ranked(UserId viewer, User user, int score) {
        FriendshipStatus status = friendships
                .findBetween(viewer, user.id())
                .map(friendship -> friendship.statusFor(viewer))
                .orElse(FriendshipStatus.NONE);
        Set<UserId> shared = new HashSet<>(friendships.acceptedFriendIds(viewer));
        shared.retainAll(friendships.acceptedFriendIds(user.id()));
        return new Ranked(
                new UserSummary(
                        user.id(),
                        user.firstName(),
                        user.lastName(),
                        user.details().description(),
                        user.profileImage(),
                        status,
                        (long) shared.size()),
                score);
    }

    private static int score(String haystack, String needle) {
        if (haystack.startsWith(needle)) {
            return 3;
        }
        if (haystack.endsWith(needle)) {
            return 2;
        }
        return haystack.contains(needle) ? 1 : 0;
    }

    /** A private address matches only as the whole address. */
    private static boolean shown(User user, SearchField field, String needle) {
        return field == SearchField.NAME
                || user.visibility().emailPublic()
                || lower(user.email().value()).equals(needle);
    }

    private static String fieldOf(User user, SearchField field) {
        return switch (field) {
            case NAME -> user.firstName().value() + " " + user.lastName().value();
            case EMAIL -> user.email().value();
        };
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private record Ranked(UserSummary summary, int score) {}
}
