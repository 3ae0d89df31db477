package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.domain.user.ShareMode;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyRowReadingTest {

    @Test
    void blankLegacyNameReadsAsThePlaceholder() {
        assertThat(JooqUserRepository.storedName("").value()).isEqualTo(JooqUserRepository.BLANK_LEGACY_NAME);
        assertThat(JooqUserRepository.storedName("  \t").value()).isEqualTo(JooqUserRepository.BLANK_LEGACY_NAME);
        assertThat(JooqUserRepository.storedName(null).value()).isEqualTo(JooqUserRepository.BLANK_LEGACY_NAME);
    }

    @Test
    void overlongLegacyNameIsCutWithoutSplittingCharacters() {
        String emoji = "\uD83D\uDE00";
        String name = JooqUserRepository.storedName(emoji.repeat(60)).value();

        assertThat(name.codePointCount(0, name.length())).isEqualTo(50);
        assertThat(name).isEqualTo(emoji.repeat(50));
    }

    @Test
    void validNameIsKeptAsItIs() {
        assertThat(JooqUserRepository.storedName(" Ada ").value()).isEqualTo("Ada");
    }

    @Test
    void unknownShareModeSharesNothing() {
        assertThat(JooqUserRepository.storedShareMode("sometimes")).isEqualTo(ShareMode.DEFAULT_NONE);
        assertThat(JooqUserRepository.storedShareMode(null)).isEqualTo(ShareMode.DEFAULT_NONE);
        assertThat(JooqUserRepository.storedShareMode("DEFAULT_ALL ")).isEqualTo(ShareMode.DEFAULT_ALL);
    }

    @Test
    void unusableLegacyEmailReadsAsAPlaceholderUniquePerUser() {
        assertThat(JooqUserRepository.storedEmail("", UserId.of("a@b")).value()).isEqualTo("a_b@unknown-email.invalid");
        assertThat(JooqUserRepository.storedEmail("x@example.com", UserId.of("x"))
                        .value())
                .isEqualTo("x@example.com");
    }
}
