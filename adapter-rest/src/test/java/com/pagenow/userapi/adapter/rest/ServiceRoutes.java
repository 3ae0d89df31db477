package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.ShareNotificationQueryService;
import com.pagenow.userapi.application.service.ShareNotificationService;
import com.pagenow.userapi.application.service.UserProfileService;
import com.pagenow.userapi.application.service.UserSearchService;

/** Routes over the application's services, each use case taken from the service that implements it, as bootstrap
 * wires them. */
final class ServiceRoutes {

    private ServiceRoutes() {}

    static UserRoutes users(UserProfileService profiles) {
        return new UserRoutes(profiles, profiles, profiles, profiles, profiles, profiles);
    }

    static FriendshipRoutes friendships(FriendshipService changes, FriendshipQueryService reads) {
        return new FriendshipRoutes(
                changes, reads, reads, changes, changes, changes, reads, reads, reads, reads, reads, reads, reads);
    }

    static SearchRoutes search(UserSearchService search) {
        return new SearchRoutes(search, search);
    }

    static ShareNotificationRoutes shares(ShareNotificationService changes, ShareNotificationQueryService reads) {
        return new ShareNotificationRoutes(changes, changes, reads, reads, changes);
    }
}
