package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.error.ProfileImageStorageUnavailableException;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.domain.user.ProfileImageKey;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ProfileImageStorage} as a set of keys: URLs name the key, the lifetime and the method; uploads are not
 * performed (clients do those), so a test puts keys in with {@link #store}.
 */
public class InMemoryProfileImageStorage implements ProfileImageStorage {

    private final Set<String> objects = new LinkedHashSet<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private volatile boolean down;

    @Override
    public synchronized URI uploadUrl(ProfileImageKey key, Duration lifetime) {
        requireUp();
        return URI.create("memory://put/" + key.value() + "?type="
                + key.extension().contentType() + "&ttl=" + lifetime.toSeconds());
    }

    @Override
    public synchronized URI downloadUrl(ProfileImageKey key, Duration lifetime) {
        requireUp();
        return URI.create("memory://get/" + key.value() + "?ttl=" + lifetime.toSeconds());
    }

    @Override
    public synchronized void delete(ProfileImageKey key) {
        requireUp();
        objects.remove(key.value());
        sizes.remove(key.value());
        deleted.add(key.value());
    }

    @Override
    public synchronized boolean deleteIfLargerThan(ProfileImageKey key, long maxBytes) {
        requireUp();
        if (!objects.contains(key.value()) || sizes.getOrDefault(key.value(), 0L) <= maxBytes) {
            return false;
        }
        delete(key);
        return true;
    }

    public synchronized void store(String key) {
        store(key, 1);
    }

    /** Puts in the object at {@code key} as an upload of {@code bytes} bytes would. */
    public synchronized void store(String key, long bytes) {
        objects.add(key);
        sizes.put(key, bytes);
    }

    public synchronized Set<String> objects() {
        return Set.copyOf(objects);
    }

    /** The keys delete was called with, in order. */
    public synchronized List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** From now on every call fails as an unreachable store does. */
    public void goDown() {
        down = true;
    }

    private void requireUp() {
        if (down) {
            throw new ProfileImageStorageUnavailableException("storage is down", null);
        }
    }
}
