package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.domain.user.User;

/** The caller's full profile, or not found before registration. */
public interface GetOwnProfileUseCase {

    /**
     * Reads the caller's own profile.
     *
     * @param caller whose profile
     * @return the full profile
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the caller has not registered
     */
    User getOwnProfile(Caller caller);
}
