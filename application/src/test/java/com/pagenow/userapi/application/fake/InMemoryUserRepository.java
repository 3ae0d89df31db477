package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link UserRepository} in a map, with the database's unique id and e-mail rules. */
public class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> users = new LinkedHashMap<>();

    /** The account deletion's part of this store. */
    public synchronized boolean remove(UserId id) {
        return users.remove(id) != null;
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized List<User> findAllByIds(Collection<UserId> ids) {
        return ids.stream().distinct().map(users::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized boolean exists(UserId id) {
        return users.containsKey(id);
    }

    @Override
    public synchronized void insert(User user) {
        if (users.containsKey(user.id())) {
            throw User.alreadyExists();
        }
        requireEmailFree(user);
        users.put(user.id(), user);
    }

    @Override
    public synchronized void update(User user) {
        if (!users.containsKey(user.id())) {
            throw User.notFound();
        }
        requireEmailFree(user);
        // Like the database: the image fields belong to their own use cases and stay as stored.
        users.put(user.id(), withImage(user, users.get(user.id()).profileImage()));
    }

    @Override
    public synchronized boolean recordProfileImage(UserId id, ProfileImage image) {
        User stored = users.get(id);
        if (stored == null) {
            return false;
        }
        users.put(id, withImage(stored, image));
        return true;
    }

    @Override
    public synchronized void clearProfileImage(UserId id, String expectedExtension) {
        User stored = users.get(id);
        if (stored != null && Objects.equals(stored.profileImage().extension(), expectedExtension)) {
            users.put(id, withImage(stored, ProfileImage.NONE));
        }
    }

    private static User withImage(User user, ProfileImage image) {
        return new User(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.details(),
                user.visibility(),
                user.sharing(),
                image,
                user.createdAt());
    }

    /** Every stored profile, in insertion order. */
    public synchronized List<User> all() {
        return List.copyOf(users.values());
    }

    private void requireEmailFree(User user) {
        boolean taken = users.values().stream()
                .anyMatch(
                        other -> !other.id().equals(user.id()) && other.email().equals(user.email()));
        if (taken) {
            throw User.emailTaken();
        }
    }
}
