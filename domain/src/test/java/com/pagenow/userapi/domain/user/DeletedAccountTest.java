package com.pagenow.userapi.domain.user;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeletedAccountTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(900);

    @Test
    void aSignInWithinTheMaximumAgeMayDelete() {
        assertThat(DeletedAccount.signInRecentEnough(NOW.minusSeconds(900), NOW, MAX_AGE))
                .isTrue();
        assertThat(DeletedAccount.signInRecentEnough(NOW, NOW, MAX_AGE)).isTrue();
    }

    @Test
    void anOlderSignInOrNoneMayNotDelete() {
        assertThat(DeletedAccount.signInRecentEnough(NOW.minusSeconds(901), NOW, MAX_AGE))
                .isFalse();
        assertThat(DeletedAccount.signInRecentEnough(null, NOW, MAX_AGE)).isFalse();
    }

    @Test
    void onlyATokenIssuedAfterTheDeletionMayRegisterAgain() {
        DeletedAccount gone = new DeletedAccount(UserId.of("ann"), NOW);

        assertThat(gone.admitsTokenIssuedAt(NOW.plusSeconds(1))).isTrue();
        assertThat(gone.admitsTokenIssuedAt(NOW)).isFalse();
        assertThat(gone.admitsTokenIssuedAt(NOW.minusSeconds(60))).isFalse();
        assertThat(gone.admitsTokenIssuedAt(null)).isFalse();
    }

    @Test
    void theImageMayBeUnderAnyAllowedExtension() {
        DeletedAccount gone = new DeletedAccount(UserId.of("ann"), NOW);

        assertThat(gone.profileImageKeys())
                .extracting(ProfileImageKey::value)
                .containsExactly(
                        "ann/profile_image.png",
                        "ann/profile_image.jpg",
                        "ann/profile_image.jpeg",
                        "ann/profile_image.gif",
                        "ann/profile_image.webp");
    }
}
