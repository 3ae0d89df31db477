package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.error.ProfileImageStorageUnavailableException;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.user.DeleteProfileImageUseCase;
import com.pagenow.userapi.application.port.in.user.GetProfileImageUploadUrlUseCase;
import com.pagenow.userapi.application.port.in.user.GetProfileImageUrlUseCase;
import com.pagenow.userapi.application.port.in.user.GetProfileImageUrlsUseCase;
import com.pagenow.userapi.application.port.in.user.TransferLocalImageUseCase;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.IdCount;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.user.ImageExtension;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileImageKey;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Profile images: signed URLs from the storage port, the two image fields of the profile kept in step. */
public final class ProfileImageService
        implements GetProfileImageUploadUrlUseCase,
                GetProfileImageUrlUseCase,
                GetProfileImageUrlsUseCase,
                DeleteProfileImageUseCase {

    /** How long a handed-out URL works (the old service's one hour). */
    public static final Duration URL_LIFETIME = Duration.ofHours(1);

    private final UserRepository users;
    private final BlockerHiding hiding;
    private final ProfileImageStorage storage;
    private final Clock clock;

    /**
     * {@code blocks} hide a user's image from those the user blocks.
     *
     * @param users the profiles
     * @param blocks the blocks
     * @param storage the image store
     * @param clock the time an upload is recorded at
     */
    public ProfileImageService(UserRepository users, BlockRepository blocks, ProfileImageStorage storage, Clock clock) {
        this.users = Objects.requireNonNull(users);
        this.hiding = new BlockerHiding(blocks);
        this.storage = Objects.requireNonNull(storage);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public URI profileImageUploadUrl(Caller caller, String imageExtension) {
        ImageExtension extension = ImageExtension.of(imageExtension);
        // Signed first: a store that is down leaves the profile as it was.
        URI url = storage.uploadUrl(new ProfileImageKey(caller.userId(), extension), URL_LIFETIME);
        users.findById(caller.userId())
                .flatMap(user -> user.profileImage().keyFor(user.id()))
                .ifPresent(this::deleteIfOversized);
        if (!users.recordProfileImage(caller.userId(), ProfileImage.uploaded(extension, Timestamps.now(clock)))) {
            throw User.notFound();
        }
        return url;
    }

    @Override
    public URI profileImageUrl(Caller viewer, UserId owner, String imageExtension) {
        ImageExtension extension = ImageExtension.of(imageExtension);
        if (!users.exists(owner) || hiding.hides(viewer.userId(), owner)) {
            throw User.notFound();
        }
        ProfileImageKey key = new ProfileImageKey(owner, extension);
        if (deleteIfOversized(key)) {
            // Gone: the answer is then as for a user without an image (a URL of an absent object).
            users.clearProfileImage(owner, extension.value());
        }
        return storage.downloadUrl(key, URL_LIFETIME);
    }

    /**
     * A presigned {@code PUT} cannot bound its body, so what an upload stored is checked when a URL for it is next
     * issued: an object larger than {@link TransferLocalImageUseCase#MAX_BYTES} is deleted. A store that cannot be
     * asked (the adapter logs why) skips the check: handing out a URL needs no store, and the next URL checks again.
     *
     * @param key the object to check
     * @return whether the object was there, too large, and is now deleted
     */
    private boolean deleteIfOversized(ProfileImageKey key) {
        try {
            return storage.deleteIfLargerThan(key, TransferLocalImageUseCase.MAX_BYTES);
        } catch (ProfileImageStorageUnavailableException unreachable) {
            return false;
        }
    }

    @Override
    public Map<UserId, URI> profileImageUrls(Caller viewer, List<String> owners, List<String> imageExtensions) {
        if (owners.size() != imageExtensions.size()) {
            throw new InvalidValueException(
                    "image_ext_arr",
                    "must name one extension per user id (" + owners.size() + " ids, " + imageExtensions.size()
                            + " extensions)");
        }
        IdCount.check("user_ids", owners.size());
        Map<UserId, ImageExtension> wanted = new LinkedHashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            String raw = imageExtensions.get(i);
            UserId owner = possibleUserId(owners.get(i));
            // The web client joins its users' extensions with commas: a user without an image is an empty entry.
            if (raw != null && !raw.isBlank()) {
                ImageExtension extension = listedExtension(raw, i);
                if (owner != null) {
                    wanted.putIfAbsent(owner, extension);
                }
            }
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Set<UserId> existing = Set.copyOf(hiding.visible(
                viewer.userId(),
                users.findAllByIds(wanted.keySet()).stream().map(User::id).toList()));
        Map<UserId, URI> urls = new LinkedHashMap<>();
        // Not size-checked: a HEAD per id would cost this hot path up to 100 store calls; the single URL and the
        // next upload URL check the object.
        wanted.forEach((owner, extension) -> {
            if (existing.contains(owner)) {
                urls.put(owner, storage.downloadUrl(new ProfileImageKey(owner, extension), URL_LIFETIME));
            }
        });
        return urls;
    }

    /** An id that no stored user can have (blank, too long) is unknown, as in {@code /users/ids/...}. */
    private static UserId possibleUserId(String raw) {
        String id = raw == null ? "" : raw.strip();
        return id.isEmpty() || id.length() > UserId.MAX_LENGTH ? null : UserId.of(id);
    }

    private static ImageExtension listedExtension(String raw, int position) {
        try {
            return ImageExtension.of(raw);
        } catch (InvalidValueException invalid) {
            throw invalid.forField("image_ext_arr[" + position + "]");
        }
    }

    @Override
    public void deleteProfileImage(Caller caller) {
        User user = users.findById(caller.userId()).orElseThrow(User::notFound);
        ProfileImage image = user.profileImage();
        // The stored extension names the object (the old service always deleted ".png").
        image.keyFor(user.id()).ifPresent(storage::delete);
        users.clearProfileImage(user.id(), image.extension());
    }
}
