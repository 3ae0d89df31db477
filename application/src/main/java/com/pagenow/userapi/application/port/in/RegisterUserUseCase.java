package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.User;

/** Creates the caller's profile; a second one is a conflict. */
public interface RegisterUserUseCase {

    User register(RegisterUserCommand command);
}
