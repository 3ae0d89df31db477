package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.error.ProfileImageStorageUnavailableException;
import com.pagenow.userapi.domain.user.ProfileImageKey;

import java.net.URI;
import java.time.Duration;

/**
 * Where profile images are kept. Clients move the bytes themselves, straight to and from the store, with
 * time-limited URLs handed out here; the service only signs and deletes.
 * Every method throws {@link ProfileImageStorageUnavailableException} when the store cannot be reached.
 */
public interface ProfileImageStorage {

    /**
     * A URL for one {@code PUT} of the object at {@code key}, valid for {@code lifetime}, that accepts only the
     * headers {@code Content-Type: image/{ext}} and {@code x-amz-acl: private} (what the web client sends).
     *
     * @param key the object's key
     * @param lifetime how long the URL is valid
     * @return the signed upload URL
     */
    URI uploadUrl(ProfileImageKey key, Duration lifetime);

    /**
     * A URL for {@code GET} of the object at {@code key}, valid for {@code lifetime}.
     *
     * @param key the object's key
     * @param lifetime how long the URL is valid
     * @return the signed download URL
     */
    URI downloadUrl(ProfileImageKey key, Duration lifetime);

    /**
     * Removes the object at {@code key}; an object that is not there is not an error.
     *
     * @param key the object's key
     */
    void delete(ProfileImageKey key);

    /**
     * Removes the object at {@code key} when it holds more than {@code maxBytes} bytes. A presigned {@code PUT}
     * cannot limit its body's size, so the service checks what an upload stored when it next hands out a URL for it.
     * A store whose uploads cannot exceed the limit (the dev store refuses larger bodies) keeps this default, which
     * looks at nothing and answers {@code false}.
     *
     * @param key the object's key
     * @param maxBytes the largest size an object may have, in bytes
     * @return {@code true} when the object was there, larger than {@code maxBytes}, and is now removed;
     *         {@code false} when it is absent or small enough (and left as it was)
     */
    default boolean deleteIfLargerThan(ProfileImageKey key, long maxBytes) {
        return false;
    }
}
