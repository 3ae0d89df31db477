package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores user profiles. */
public interface UserRepository {

    /**
     * The profile of {@code id}.
     *
     * @param id the user id
     * @return the profile, or empty when there is none
     */
    Optional<User> findById(UserId id);

    /**
     * The profiles of those ids that exist, in no particular order, in one query.
     *
     * @param ids the user ids
     * @return the profiles found
     */
    List<User> findAllByIds(Collection<UserId> ids);

    /**
     * Whether {@code id} has a profile.
     *
     * @param id the user id
     * @return true when the profile exists
     */
    boolean exists(UserId id);

    /**
     * @param user the profile
     * @throws com.pagenow.userapi.domain.error.ConflictException when the id or the e-mail is already taken
     */
    void insert(User user);

    /**
     * Writes the profile's e-mail and editable fields; never its creation time or image fields, which other
     * writers (the image use cases, the sibling services) own, so that a concurrent change to them is not undone.
     *
     * @param user the profile with its new fields
     * @throws com.pagenow.userapi.domain.error.NotFoundException when there is no such profile
     * @throws com.pagenow.userapi.domain.error.ConflictException when the e-mail belongs to another profile
     */
    void update(User user);

    /**
     * Writes only the two image fields.
     *
     * @param id the user id
     * @param image the image's upload time and extension
     * @return false when there is no such profile
     */
    boolean recordProfileImage(UserId id, ProfileImage image);

    /**
     * Clears the two image fields if the stored extension is still {@code expectedExtension}: an upload recorded
     * meanwhile is kept.
     *
     * @param id the user id
     * @param expectedExtension the extension the caller saw stored
     */
    void clearProfileImage(UserId id, String expectedExtension);
}
