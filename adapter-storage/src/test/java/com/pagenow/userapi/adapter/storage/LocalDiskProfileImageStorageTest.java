package com.pagenow.userapi.adapter.storage;

import com.pagenow.userapi.application.port.in.user.TransferLocalImageUseCase.StoredImage;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.ImageExtension;
import com.pagenow.userapi.domain.user.ProfileImageKey;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDiskProfileImageStorageTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8000");
    private static final ProfileImageKey ALICE_PNG = new ProfileImageKey(UserId.of("alice"), ImageExtension.of("png"));
    private static final byte[] BYTES = "\u0089PNG not really".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private final MovableClock clock = new MovableClock(Instant.parse("2024-01-01T00:00:00Z"));

    private LocalDiskProfileImageStorage storage() {
        return LocalDiskProfileImageStorage.open(home, () -> BASE, clock);
    }

    @Test
    void uploadedBytesComeBackThroughTheDownloadUrlTyped() {
        LocalDiskProfileImageStorage storage = storage();
        URI put = storage.uploadUrl(ALICE_PNG, Duration.ofHours(1));
        assertThat(put.toString()).startsWith("http://127.0.0.1:8000/dev-storage/");

        storage.upload(token(put), "image/png", "private", new ByteArrayInputStream(BYTES));
        StoredImage read = storage.download(token(storage.downloadUrl(ALICE_PNG, Duration.ofHours(1))));

        assertThat(read.bytes()).isEqualTo(BYTES);
        assertThat(read.contentType()).isEqualTo("image/png");
    }

    @Test
    void uploadWithOtherHeadersThanSignedIsRefused() {
        LocalDiskProfileImageStorage storage = storage();
        String put = token(storage.uploadUrl(ALICE_PNG, Duration.ofHours(1)));

        assertThatThrownBy(() -> storage.upload(put, "image/jpeg", "private", new ByteArrayInputStream(BYTES)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> storage.upload(put, "image/png", null, new ByteArrayInputStream(BYTES)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> storage.download(token(storage.downloadUrl(ALICE_PNG, Duration.ofHours(1)))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDownloadTokenCannotUploadNorATamperedOneAnything() {
        LocalDiskProfileImageStorage storage = storage();
        String get = token(storage.downloadUrl(ALICE_PNG, Duration.ofHours(1)));
        String put = token(storage.uploadUrl(ALICE_PNG, Duration.ofHours(1)));
        String otherKeyPayload = token(storage.uploadUrl(
                        new ProfileImageKey(UserId.of("bob"), ImageExtension.of("png")), Duration.ofHours(1)))
                .split("\\.")[0];

        assertThatThrownBy(() -> storage.upload(get, "image/png", "private", new ByteArrayInputStream(BYTES)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> storage.upload(
                        otherKeyPayload + "." + put.split("\\.")[1],
                        "image/png",
                        "private",
                        new ByteArrayInputStream(BYTES)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> storage.download("garbage")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> storage.download("!!.??")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void urlsExpire() {
        LocalDiskProfileImageStorage storage = storage();
        String put = token(storage.uploadUrl(ALICE_PNG, Duration.ofHours(1)));
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThatThrownBy(() -> storage.upload(put, "image/png", "private", new ByteArrayInputStream(BYTES)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Request has expired");
    }

    @Test
    void deleteRemovesTheObjectAndAMissingOneIsFine() {
        LocalDiskProfileImageStorage storage = storage();
        storage.upload(
                token(storage.uploadUrl(ALICE_PNG, Duration.ofHours(1))),
                "image/png",
                "private",
                new ByteArrayInputStream(BYTES));

        storage.delete(ALICE_PNG);
        storage.delete(ALICE_PNG);

        assertThatThrownBy(() -> storage.download(token(storage.downloadUrl(ALICE_PNG, Duration.ofHours(1)))))
                .isInstanceOf(NotFoundException.class);
    }

    // An id with "/" names no key at all (ProfileImageTest); ".." must still stay inside the folder.
    @Test
    void theSigningKeyIsKeptSoUrlsOutliveARestartAndKeysStayInsideTheFolder() throws Exception {
        String put = token(storage()
                .uploadUrl(new ProfileImageKey(UserId.of(".."), ImageExtension.of("png")), Duration.ofHours(1)));

        storage().upload(put, "image/png", "private", new ByteArrayInputStream(BYTES));

        try (Stream<Path> files = Files.list(home.resolve("profile-images"))) {
            assertThat(files.toList())
                    .hasSize(1)
                    .allMatch(file -> file.getParent().equals(home.resolve("profile-images")));
        }
        assertThat(home.resolve("storage-signing.key")).exists();
    }

    private static String token(URI url) {
        return url.getPath().substring("/dev-storage/".length());
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
