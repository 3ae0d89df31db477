package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;

/** Privacy-masked profiles for up to {@value #MAX_IDS} ids, in request order, skipping unknown ids. */
public interface GetPublicProfilesUseCase {

    int MAX_IDS = 100;

    /** Skips the users who block {@code viewer}, as if they did not exist. */
    List<PublicProfile> getPublicProfiles(Caller viewer, List<UserId> userIds);
}
