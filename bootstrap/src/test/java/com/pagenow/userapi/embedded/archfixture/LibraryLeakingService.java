package com.pagenow.userapi.embedded.archfixture;

import com.pagenow.userapi.application.service.FriendshipService;

/** Planted violation (checked as if in the library's API package): a public method handing out a service class. */
public final class LibraryLeakingService {

    public FriendshipService friendships() {
        return null;
    }
}
