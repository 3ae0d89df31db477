package com.pagenow.userapi.domain.user;

import java.util.Objects;

/** Where a user's profile image is stored: {@code {user_id}/profile_image.{ext}} (the old service's keys). */
public record ProfileImageKey(UserId owner, ImageExtension extension) {

    /**
     * Checks that the owner and the extension are given.
     *
     * @param owner whose image
     * @param extension its extension
     */
    public ProfileImageKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(extension, "extension");
        // A '/' would put the image under another user's prefix ("bob/x" writes "bob/x/profile_image.png").
        if (owner.value().indexOf('/') >= 0) {
            throw new com.pagenow.userapi.domain.error.InvalidValueException(
                    "user_id", "must not contain '/' to have a profile image: it names the image's storage key");
        }
    }

    /**
     * The object key in the image store.
     *
     * @return {@code {owner}/profile_image.{ext}}
     */
    public String value() {
        return owner.value() + "/profile_image." + extension.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
