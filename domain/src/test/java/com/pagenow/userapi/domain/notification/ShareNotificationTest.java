package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareNotificationTest {

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final Instant ASKED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final PageUrl URL = PageUrl.of("https://example.com/article");
    private static final PageTitle TITLE = PageTitle.of("An article");

    @Test
    void shareWithAllFriendsReachesEachOfThemAndNamesNoRecipient() {
        ShareNotification share = ShareNotification.toAllFriends(ALICE, Set.of(BOB, CAROL), URL, TITLE, NOW);

        assertThat(share.sender()).isEqualTo(ALICE);
        assertThat(share.url()).isEqualTo(URL);
        assertThat(share.title()).isEqualTo(TITLE);
        assertThat(share.sentAt()).isEqualTo(NOW);
        assertThat(share.recipients()).containsExactlyInAnyOrder(BOB, CAROL);
        assertThat(share.sentTo()).isNull();
        assertThat(share.isPersonal()).isFalse();
        assertThat(share.personalRecipient()).isEmpty();
    }

    @Test
    void shareOfSomeoneWithoutFriendsReachesNobody() {
        ShareNotification share = ShareNotification.toAllFriends(ALICE, Set.of(), URL, TITLE, NOW);

        assertThat(share.recipients()).isEmpty();
    }

    @Test
    void recipientsCannotBeChangedAfterwards() {
        ShareNotification share = ShareNotification.toAllFriends(ALICE, Set.of(BOB), URL, TITLE, NOW);

        assertThatThrownBy(() -> share.recipients().add(CAROL)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void personalShareGoesToAnAcceptedFriendInEitherDirection() {
        Friendship aliceAskedBob = Friendship.reconstitute(ALICE, BOB, ASKED, ASKED);
        Friendship bobAskedAlice = Friendship.reconstitute(BOB, ALICE, ASKED, ASKED);

        for (Friendship friendship : new Friendship[] {aliceAskedBob, bobAskedAlice}) {
            ShareNotification share = ShareNotification.toFriend(ALICE, BOB, Optional.of(friendship), URL, TITLE, NOW);

            assertThat(share.sentTo()).isEqualTo(BOB);
            assertThat(share.personalRecipient()).contains(BOB);
            assertThat(share.recipients()).containsExactly(BOB);
            assertThat(share.isPersonal()).isTrue();
        }
    }

    @Test
    void personalShareToAStrangerIsForbidden() {
        assertThatThrownBy(() -> ShareNotification.toFriend(ALICE, CAROL, Optional.empty(), URL, TITLE, NOW))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("You can only share with your friends");
    }

    @Test
    void personalShareWhileTheRequestIsPendingIsForbiddenBothWays() {
        Friendship pending = Friendship.request(ALICE, BOB, ASKED);

        assertThatThrownBy(() -> ShareNotification.toFriend(ALICE, BOB, Optional.of(pending), URL, TITLE, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ShareNotification.toFriend(BOB, ALICE, Optional.of(pending), URL, TITLE, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void someoneElsesFriendshipDoesNotLetAShareThrough() {
        Friendship bobAndCarol = Friendship.reconstitute(BOB, CAROL, ASKED, ASKED);

        assertThatThrownBy(() -> ShareNotification.toFriend(ALICE, CAROL, Optional.of(bobAndCarol), URL, TITLE, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void senderNeverReceivesTheirOwnShare() {
        assertThatThrownBy(() -> ShareNotification.toAllFriends(ALICE, Set.of(ALICE, BOB), URL, TITLE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void personalShareCannotReachAnyoneElse() {
        assertThatThrownBy(() -> new ShareNotification(ALICE, URL, TITLE, NOW, BOB, Set.of(BOB, CAROL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShareNotification(ALICE, URL, TITLE, NOW, BOB, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
