package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.fake.InMemoryUserSearchRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.search.SearchFriendsQuery;
import com.pagenow.userapi.application.port.in.search.SearchUsersQuery;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserSearchServiceTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    private static final Caller ME = new Caller(UserId.of("me"), Email.of("me@example.com"));

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users);
    private final UserSearchService service =
            new UserSearchService(new InMemoryUserSearchRepository(users, friendships));

    @BeforeEach
    void users() {
        users.insert(aUser("me").withName("Ann", "Searcher").build());
        users.insert(aUser("friend").withName("Anna", "Friend").build());
        users.insert(aUser("asked").withName("Hanna", "Asked").build());
        users.insert(aUser("stranger")
                .withName("Joanna", "Stranger")
                .withVisibility(new Visibility(true, false, false, false, false, false))
                .build());
        users.insert(aUser("other").withName("Bob", "Other").build());
        friendships.insert(accepted("me", "friend"));
        friendships.insert(Friendship.request(UserId.of("me"), UserId.of("asked"), NOW));
    }

    @Test
    void searchRanksFriendsThenPendingThenOthersAndLeavesOutTheCaller() {
        List<UserSummary> found = service.searchUsers(query(SearchField.NAME, "ann", 15, 0));

        assertThat(found).extracting(user -> user.id().value()).containsExactly("friend", "asked", "stranger");
        assertThat(found)
                .extracting(UserSummary::status)
                .containsExactly(FriendshipStatus.FRIENDS, FriendshipStatus.OUTGOING, FriendshipStatus.NONE);
        assertThat(found).extracting(UserSummary::mutualFriendCount).containsOnly(0L);
    }

    @Test
    void searchByEmailMatchesAPublicAddressByFragment() {
        assertThat(service.searchUsers(query(SearchField.EMAIL, "STRANGER@", 15, 0)))
                .extracting(user -> user.id().value())
                .containsExactly("stranger");
    }

    @Test
    void searchByEmailFindsAPrivateAddressOnlyWhole() {
        assertThat(service.searchUsers(query(SearchField.EMAIL, "OTHER@", 15, 0)))
                .isEmpty();
        assertThat(service.searchUsers(query(SearchField.EMAIL, "Other@Example.com", 15, 0)))
                .extracting(user -> user.id().value())
                .containsExactly("other");
    }

    @Test
    void emptyTextIsRejectedAsFieldQ() {
        assertThatThrownBy(() -> query(SearchField.NAME, "  \\", 15, 0))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }

    @Test
    void missingCallerOrFieldIsAViolation() {
        assertThatThrownBy(() -> SearchUsersQuery.of(null, null, "ann", PageRequest.of(1, 0)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void limitIsClampedToFifteen() {
        IntStream.rangeClosed(1, 20)
                .forEach(i -> users.insert(
                        aUser("many-" + i).withName("Many", "Z" + i).build()));

        SearchUsersQuery query = query(SearchField.NAME, "many", 100, 0);

        assertThat(query.page()).isEqualTo(PageRequest.of(15, 0));
        assertThat(service.searchUsers(query)).hasSize(15);
    }

    @Test
    void zeroLimitAnswersNothing() {
        assertThat(service.searchUsers(query(SearchField.NAME, "ann", 0, 0))).isEmpty();
        assertThat(service.searchFriends(friendQuery("ann", false, 0))).isEmpty();
    }

    @Test
    void friendSearchFindsOnlyAcceptedFriends() {
        assertThat(service.searchFriends(friendQuery("ann", false, 10)))
                .extracting(user -> user.id().value())
                .containsExactly("friend");
    }

    @Test
    void exactFriendSearchMatchesTheWholeFieldIgnoringCase() {
        assertThat(service.searchFriends(friendQuery("ANNA friend", true, 10)))
                .extracting(user -> user.id().value())
                .containsExactly("friend");
        assertThat(service.searchFriends(friendQuery("anna", true, 10))).isEmpty();
    }

    @Test
    void friendSearchLimitIsClampedToFifteen() {
        assertThat(friendQuery("ann", false, 99).page().limit()).isEqualTo(15);
    }

    private static SearchUsersQuery query(SearchField field, String q, int limit, int offset) {
        return SearchUsersQuery.of(ME, field, q, PageRequest.of(limit, offset));
    }

    private static SearchFriendsQuery friendQuery(String q, boolean exact, int limit) {
        return SearchFriendsQuery.of(ME, SearchField.NAME, q, exact, PageRequest.of(limit, 0));
    }

    private static Friendship accepted(String requester, String addressee) {
        return Friendship.request(UserId.of(requester), UserId.of(addressee), NOW)
                .acceptBy(UserId.of(addressee), NOW);
    }
}
