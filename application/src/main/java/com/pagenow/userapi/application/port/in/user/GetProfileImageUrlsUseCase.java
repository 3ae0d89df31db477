package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.domain.user.UserId;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Download URLs for up to {@value #MAX_IDS} users at once, each with the extension at the same position, keyed by
 * user id in request order. Unknown users (and ids no user can have), users who block the viewer, and users given
 * an empty extension (no image), are left out.
 */
public interface GetProfileImageUrlsUseCase {

    /** The most users one call may ask about; the same as {@link GetPublicProfilesUseCase#MAX_IDS}. */
    int MAX_IDS = GetPublicProfilesUseCase.MAX_IDS;

    /**
     * Signs download URLs for several users' images.
     *
     * @param viewer who asks
     * @param userIds the users, as the client sent them
     * @param imageExtensions the extension of each user's image, at the same position as the user
     * @return the URLs by user id, in request order, without the users left out
     */
    Map<UserId, URI> profileImageUrls(Caller viewer, List<String> userIds, List<String> imageExtensions);
}
