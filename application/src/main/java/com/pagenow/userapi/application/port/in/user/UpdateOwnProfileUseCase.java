package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.domain.user.User;

/** Replaces the editable fields and re-syncs the e-mail from the token. */
public interface UpdateOwnProfileUseCase {

    /**
     * Updates the caller's profile.
     *
     * @param command the caller and every editable field
     * @return the updated profile
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the caller has no profile
     */
    User updateOwnProfile(UpdateProfileCommand command);
}
