package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference test of {@link RelationCode}: on PostgreSQL, every statement that reports how the viewer stands
 * toward a user (friend lists, relationships, search) answers what {@link Friendship#statusFor} says, for each
 * state a relationship can be in and for none.
 */
class RelationCodeIT {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.postgres();

    private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
    private static final PageRequest ALL = PageRequest.of(50, 0);

    @Test
    void everyStatementReportsTheDomainsStatus() {
        String token = "Relcode" + newId("t").value().replaceAll("[^a-z0-9]", "");
        UserId viewer = person("viewer", "Vic", token);
        UserId owner = person("owner", "Owen", token);
        UserId askedByViewer = person("asked", "Ann", token);
        UserId askingViewer = person("asking", "Bob", token);
        UserId friendAskedByViewer = person("friend1", "Cy", token);
        UserId friendAskingViewer = person("friend2", "Dee", token);
        UserId stranger = person("stranger", "Eve", token);
        List<UserId> others = List.of(askedByViewer, askingViewer, friendAskedByViewer, friendAskingViewer, stranger);
        insert(Friendship.request(viewer, askedByViewer, T1));
        insert(Friendship.request(askingViewer, viewer, T1));
        befriend(viewer, friendAskedByViewer);
        befriend(friendAskingViewer, viewer);
        for (UserId other : others) {
            befriend(owner, other);
        }
        Map<UserId, FriendshipStatus> expected = new LinkedHashMap<>();
        for (UserId other : others) {
            expected.put(
                    other,
                    db.persistence()
                            .friendships()
                            .findBetween(viewer, other)
                            .map(friendship -> friendship.statusFor(viewer))
                            .orElse(FriendshipStatus.NONE));
        }
        assertThat(expected.values())
                .containsExactlyInAnyOrder(
                        FriendshipStatus.OUTGOING,
                        FriendshipStatus.INCOMING,
                        FriendshipStatus.FRIENDS,
                        FriendshipStatus.FRIENDS,
                        FriendshipStatus.NONE);

        assertThat(statuses(db.persistence().friendGraph().friendsOf(owner, viewer, ALL)))
                .containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(db.persistence().friendGraph().relationships(viewer, others).stream()
                        .collect(Collectors.toMap(Relationship::userId, Relationship::status)))
                .containsExactlyInAnyOrderEntriesOf(expected);
        Map<UserId, FriendshipStatus> searched =
                statuses(db.persistence().userSearch().search(viewer, SearchField.NAME, SearchText.of(token), ALL));
        searched.keySet().retainAll(others);
        assertThat(searched).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static UserId person(String prefix, String first, String last) {
        UserId id = newId(prefix);
        db.persistence()
                .users()
                .insert(User.register(
                        id,
                        Email.of(id.value() + "@example.com"),
                        PersonName.of(first),
                        PersonName.of(last),
                        ProfileDetails.EMPTY,
                        T1));
        return id;
    }

    private static void insert(Friendship friendship) {
        db.persistence()
                .transactions()
                .inTransaction(() -> db.persistence().friendships().insert(friendship));
    }

    private static void befriend(UserId requester, UserId addressee) {
        Friendship pending = Friendship.request(requester, addressee, T1);
        insert(pending);
        Friendship accepted = pending.acceptBy(addressee, T1.plusSeconds(60));
        db.persistence()
                .transactions()
                .inTransaction(() -> db.persistence().friendships().markAccepted(accepted));
    }

    private static Map<UserId, FriendshipStatus> statuses(List<UserSummary> summaries) {
        return summaries.stream()
                .collect(Collectors.toMap(UserSummary::id, UserSummary::status, (a, b) -> a, LinkedHashMap::new));
    }
}
