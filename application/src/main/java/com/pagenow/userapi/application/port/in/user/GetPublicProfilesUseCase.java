package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.IdCount;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;

/** Privacy-masked profiles for up to {@value #MAX_IDS} ids, in request order, skipping unknown ids. */
public interface GetPublicProfilesUseCase {

    /** The most ids one call may ask about. */
    int MAX_IDS = IdCount.MAX;

    /**
     * Skips the users who block {@code viewer}, as if they did not exist.
     *
     * @param viewer who asks
     * @param userIds the users, at most {@link #MAX_IDS}
     * @return the masked profiles of the users found, in request order
     */
    List<PublicProfile> getPublicProfiles(Caller viewer, List<UserId> userIds);
}
