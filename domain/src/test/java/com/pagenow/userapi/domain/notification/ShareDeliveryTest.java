package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareDeliveryTest {

    private static final ShareEventId EVENT = ShareEventId.of(UUID.fromString("3f2b8c1e-9d4a-4e7b-8a6f-0c1d2e3f4a5b"));
    private static final UserId BOB = UserId.of("bob");
    private static final Instant FIRST = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant LATER = Instant.parse("2024-03-06T09:00:00Z");

    @Test
    void aDeliveredCopyStartsUnseen() {
        ShareDelivery copy = ShareDelivery.unseen(EVENT, BOB);

        assertThat(copy.isSeen()).isFalse();
        assertThat(copy.seenAt()).isNull();
    }

    @Test
    void recipientMarksTheirCopySeen() {
        ShareDelivery seen = ShareDelivery.unseen(EVENT, BOB).markSeenBy(BOB, FIRST);

        assertThat(seen.isSeen()).isTrue();
        assertThat(seen.seenAt()).isEqualTo(FIRST);
        assertThat(seen.eventId()).isEqualTo(EVENT);
        assertThat(seen.recipient()).isEqualTo(BOB);
    }

    @Test
    void aCopySeenAgainKeepsTheFirstTime() {
        ShareDelivery seen = ShareDelivery.unseen(EVENT, BOB).markSeenBy(BOB, FIRST);

        assertThat(seen.markSeenBy(BOB, LATER).seenAt()).isEqualTo(FIRST);
    }

    @Test
    void nobodyElseMarksTheRecipientsCopy() {
        ShareDelivery copy = ShareDelivery.unseen(EVENT, BOB);

        assertThatThrownBy(() -> copy.markSeenBy(UserId.of("alice"), FIRST)).isInstanceOf(ForbiddenException.class);
    }
}
