package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.error.ProfileImageStorageUnavailableException;
import com.pagenow.userapi.application.fake.InMemoryBlockRepository;
import com.pagenow.userapi.application.fake.InMemoryProfileImageStorage;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.user.TransferLocalImageUseCase;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.ImageExtension;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileImageServiceTest {

    private static final Instant NOW = Instant.parse("2024-05-02T12:34:56.987654321Z");
    private static final Instant EARLIER = Instant.parse("2023-01-01T00:00:00Z");
    private static final Caller ALICE = new Caller(UserId.of("alice"), Email.of("alice@example.com"));

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryProfileImageStorage storage = new InMemoryProfileImageStorage();
    private final InMemoryBlockRepository blocks = new InMemoryBlockRepository(users);
    private final ProfileImageService service =
            new ProfileImageService(users, blocks, storage, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void profiles() {
        users.insert(aUser("alice").build());
        users.insert(aUser("bob").withProfileImage(EARLIER, "jpg").build());
    }

    @Test
    void uploadUrlIsForTheCallersOwnKeyTypedAndValidOneHour() {
        URI url = service.profileImageUploadUrl(ALICE, "png");

        assertThat(url).hasToString("memory://put/alice/profile_image.png?type=image/png&ttl=3600");
    }

    @Test
    void askingForAnUploadUrlRecordsTheTimeAndExtension() {
        service.profileImageUploadUrl(ALICE, "jpeg");

        assertThat(image("alice")).isEqualTo(new ProfileImage(Instant.parse("2024-05-02T12:34:56.987654Z"), "jpeg"));
    }

    @Test
    void aWrongExtensionIsRefusedAndRecordsNothing() {
        assertThatThrownBy(() -> service.profileImageUploadUrl(ALICE, "bmp"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("image_ext"));
        assertThatThrownBy(() -> service.profileImageUploadUrl(ALICE, "png/../../bob/profile_image.png"))
                .isInstanceOf(InvalidValueException.class);

        assertThat(image("alice")).isEqualTo(ProfileImage.NONE);
    }

    @Test
    void withoutAProfileThereIsNoUploadUrl() {
        Caller stranger = new Caller(UserId.of("stranger"), null);

        assertThatThrownBy(() -> service.profileImageUploadUrl(stranger, "png"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("User not found");
    }

    @Test
    void aStoreThatIsDownLeavesTheProfileAsItWas() {
        storage.goDown();

        assertThatThrownBy(() -> service.profileImageUploadUrl(ALICE, "png"))
                .isInstanceOf(ProfileImageStorageUnavailableException.class);
        assertThat(image("alice")).isEqualTo(ProfileImage.NONE);
    }

    @Test
    void downloadUrlNamesTheOwnersKeyWithTheAskedExtension() {
        assertThat(service.profileImageUrl(ALICE, UserId.of("bob"), "jpg"))
                .hasToString("memory://get/bob/profile_image.jpg?ttl=3600");
        assertThatThrownBy(() -> service.profileImageUrl(ALICE, UserId.of("nobody"), "png"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.profileImageUrl(ALICE, UserId.of("bob"), "null"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void bulkUrlsKeepRequestOrderAndSkipUnknownUsersAndEmptyExtensions() {
        users.insert(aUser("carol").build());

        Map<UserId, URI> urls = service.profileImageUrls(
                ALICE, ids("carol", "nobody", "bob", "alice", "x".repeat(51)), List.of("gif", "png", "jpg", "", "png"));

        assertThat(urls.keySet()).containsExactly(UserId.of("carol"), UserId.of("bob"));
        assertThat(urls.get(UserId.of("carol"))).hasToString("memory://get/carol/profile_image.gif?ttl=3600");
    }

    @Test
    void bulkListsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> service.profileImageUrls(ALICE, ids("alice", "bob"), List.of("png")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("image_ext_arr"));
    }

    @Test
    void bulkRefusesAnExtensionNoUploadCanHaveNamingItsPosition() {
        assertThatThrownBy(() -> service.profileImageUrls(ALICE, ids("alice", "bob"), List.of("png", "exe")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("image_ext_arr[1]"));
    }

    @Test
    void bulkTakesAtMostOneHundredIds() {
        List<String> many = Collections.nCopies(101, "alice");
        assertThatThrownBy(() -> service.profileImageUrls(ALICE, many, Collections.nCopies(101, "png")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void deleteRemovesTheObjectWithTheStoredExtensionAndClearsBothFields() {
        storage.store("bob/profile_image.jpg");

        service.deleteProfileImage(new Caller(UserId.of("bob"), null));

        assertThat(storage.deleted()).containsExactly("bob/profile_image.jpg");
        assertThat(storage.objects()).isEmpty();
        assertThat(image("bob")).isEqualTo(ProfileImage.NONE);
    }

    @Test
    void deleteWithoutAnImageDeletesNothingAndSucceeds() {
        service.deleteProfileImage(ALICE);

        assertThat(storage.deleted()).isEmpty();
        assertThat(image("alice")).isEqualTo(ProfileImage.NONE);
    }

    @Test
    void aStoreThatIsDownOnDeleteKeepsTheImageFields() {
        storage.goDown();

        assertThatThrownBy(() -> service.deleteProfileImage(new Caller(UserId.of("bob"), null)))
                .isInstanceOf(ProfileImageStorageUnavailableException.class);
        assertThat(image("bob")).isEqualTo(new ProfileImage(EARLIER, "jpg"));
    }

    private ProfileImage image(String id) {
        return users.findById(UserId.of(id)).orElseThrow().profileImage();
    }

    private static List<String> ids(String... ids) {
        return List.of(ids);
    }

    @Test
    void toSomeoneTheOwnerBlocksTheImageUrlsAreAsForAnUnknownUser() {
        blocks.insert(com.pagenow.userapi.domain.friendship.Block.of(UserId.of("bob"), UserId.of("alice"), NOW));

        assertThatThrownBy(() -> service.profileImageUrl(ALICE, UserId.of("bob"), "jpg"))
                .hasMessage("User not found");
        assertThat(service.profileImageUrls(ALICE, ids("bob", "alice"), List.of("jpg", "png"))
                        .keySet())
                .containsExactly(UserId.of("alice"));
        Caller bob = new Caller(UserId.of("bob"), null);
        assertThat(service.profileImageUrl(bob, UserId.of("alice"), "png"))
                .as("the blocker still sees")
                .isNotNull();
    }

    @Test
    void anObjectLargerThanAnUploadMayBeIsDeletedAndItsFieldsClearedWhenItsUrlIsNextIssued() {
        storage.store("bob/profile_image.jpg", TransferLocalImageUseCase.MAX_BYTES + 1);
        storage.store("alice/profile_image.png", TransferLocalImageUseCase.MAX_BYTES);
        users.recordProfileImage(UserId.of("alice"), ProfileImage.uploaded(ImageExtension.of("png"), EARLIER));

        URI url = service.profileImageUrl(ALICE, UserId.of("bob"), "jpg");

        assertThat(url).as("as for a user without an image").hasToString("memory://get/bob/profile_image.jpg?ttl=3600");
        assertThat(storage.objects()).containsExactly("alice/profile_image.png");
        assertThat(image("bob")).isEqualTo(ProfileImage.NONE);
        service.profileImageUrl(ALICE, UserId.of("alice"), "png");
        assertThat(storage.objects()).as("at the limit is kept").containsExactly("alice/profile_image.png");
        assertThat(image("alice").extension()).isEqualTo("png");
    }

    @Test
    void anOversizedObjectIsDeletedWhenTheNextUploadUrlIsIssued() {
        storage.store("bob/profile_image.jpg", TransferLocalImageUseCase.MAX_BYTES + 1);

        service.profileImageUploadUrl(new Caller(UserId.of("bob"), null), "png");

        assertThat(storage.objects()).isEmpty();
        assertThat(image("bob").extension()).isEqualTo("png");
    }

    @Test
    void aStoreThatCannotBeCheckedStillGivesTheDownloadUrl() {
        InMemoryProfileImageStorage failingCheck = new InMemoryProfileImageStorage() {
            @Override
            public boolean deleteIfLargerThan(com.pagenow.userapi.domain.user.ProfileImageKey key, long maxBytes) {
                throw new ProfileImageStorageUnavailableException("storage is down", null);
            }
        };
        ProfileImageService checking =
                new ProfileImageService(users, blocks, failingCheck, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(checking.profileImageUrl(ALICE, UserId.of("bob"), "jpg"))
                .hasToString("memory://get/bob/profile_image.jpg?ttl=3600");
        assertThat(image("bob").extension()).isEqualTo("jpg");
    }
}
