package com.pagenow.userapi.application.port.in;

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

    int MAX_IDS = GetPublicProfilesUseCase.MAX_IDS;

    Map<UserId, URI> profileImageUrls(Caller viewer, List<String> userIds, List<String> imageExtensions);
}
