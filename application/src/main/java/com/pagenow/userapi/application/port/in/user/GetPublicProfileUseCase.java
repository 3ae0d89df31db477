package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.UserId;

/** One user's privacy-masked profile. */
public interface GetPublicProfileUseCase {

    /**
     * @param viewer who asks
     * @param userId whose profile
     * @return the profile, masked by what its owner made public
     * @throws com.pagenow.userapi.domain.error.NotFoundException when there is no such user, or they block
     *         {@code viewer}
     */
    PublicProfile getPublicProfile(Caller viewer, UserId userId);
}
