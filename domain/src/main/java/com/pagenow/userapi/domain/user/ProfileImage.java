package com.pagenow.userapi.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** When a profile image was last uploaded and with which file extension; both may be unknown. */
public record ProfileImage(Instant uploadedAt, String extension) {

    /** No profile image. */
    public static final ProfileImage NONE = new ProfileImage(null, null);

    /**
     * An upload of a file of type {@code extension} begun at {@code at}.
     *
     * @param extension the file's extension
     * @param at when the upload began
     * @return the image fields
     */
    public static ProfileImage uploaded(ImageExtension extension, Instant at) {
        return new ProfileImage(Objects.requireNonNull(at, "at"), extension.value());
    }

    /**
     * Where this image is stored for {@code owner}, if the stored extension is one an upload can have. Legacy rows
     * may hold anything (the old service took any extension); such an image has no key here.
     *
     * @param owner whose image
     * @return the key, or empty
     */
    public Optional<ProfileImageKey> keyFor(UserId owner) {
        if (extension == null || !ImageExtension.ALLOWED.contains(extension)) {
            return Optional.empty();
        }
        return Optional.of(new ProfileImageKey(owner, new ImageExtension(extension)));
    }
}
