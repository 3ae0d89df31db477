package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.User;

/** Replaces the editable fields and re-syncs the e-mail from the token. */
public interface UpdateOwnProfileUseCase {

    User updateOwnProfile(UpdateProfileCommand command);
}
