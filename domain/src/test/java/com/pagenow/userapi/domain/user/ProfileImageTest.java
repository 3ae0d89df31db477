package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileImageTest {

    private static final UserId ALICE = UserId.of("alice");

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "jpeg", "gif", "webp"})
    void theFiveImageTypesAreAccepted(String ext) {
        assertThat(ImageExtension.of(ext).value()).isEqualTo(ext);
        assertThat(ImageExtension.of(ext).contentType()).isEqualTo("image/" + ext);
    }

    @Test
    void extensionIsTrimmedAndLowerCasedAsTheClientDerivesIt() {
        assertThat(ImageExtension.of(" PNG ").value()).isEqualTo("png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "bmp", "svg+xml", "png/../../bob/profile_image.png", "png\u0000", "pn g"})
    void anyOtherExtensionIsRefusedNamingTheParameter(String ext) {
        assertThatThrownBy(() -> ImageExtension.of(ext))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be one of png, jpg, jpeg, gif, webp")
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("image_ext");
        assertThatThrownBy(() -> ImageExtension.of(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void keyIsTheOwnersFolderAndTheOldFileName() {
        assertThat(new ProfileImageKey(ALICE, ImageExtension.of("jpeg")).value())
                .isEqualTo("alice/profile_image.jpeg");
    }

    @Test
    void storedImageKnowsItsKeyOnlyForAnExtensionAnUploadCanHave() {
        Instant at = Instant.parse("2024-01-02T03:04:05Z");
        assertThat(ProfileImage.uploaded(ImageExtension.of("gif"), at).keyFor(ALICE))
                .contains(new ProfileImageKey(ALICE, ImageExtension.of("gif")));
        assertThat(ProfileImage.NONE.keyFor(ALICE)).isEmpty();
        assertThat(new ProfileImage(at, "tiff").keyFor(ALICE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob/x", "/", "a/b/c", "x/"})
    void anIdWithASlashNamesNoImageKey(String id) {
        assertThatThrownBy(() -> new ProfileImageKey(UserId.of(id), ImageExtension.of("png")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user_id"));
        assertThat(new ProfileImageKey(UserId.of("bob.x"), ImageExtension.of("png")).value())
                .isEqualTo("bob.x/profile_image.png");
    }
}
