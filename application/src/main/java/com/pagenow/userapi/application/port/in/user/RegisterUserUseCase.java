package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.domain.user.User;

/** Creates the caller's profile; a second one is a conflict. */
public interface RegisterUserUseCase {

    /**
     * Registers the caller.
     *
     * @param command the caller and their profile fields
     * @return the new profile
     * @throws com.pagenow.userapi.domain.error.ConflictException when the caller already has a profile
     */
    User register(RegisterUserCommand command);
}
