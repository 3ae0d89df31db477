package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.User;

/** The caller's full profile, or not found before registration. */
public interface GetOwnProfileUseCase {

    User getOwnProfile(Caller caller);
}
