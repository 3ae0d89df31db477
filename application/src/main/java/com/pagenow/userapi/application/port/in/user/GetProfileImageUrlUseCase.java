package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.domain.user.UserId;

import java.net.URI;

/** A URL to download a user's profile image from, valid one hour; not for someone the owner blocks. */
public interface GetProfileImageUrlUseCase {

    /**
     * Signs a download URL for the owner's image.
     *
     * @param viewer who asks
     * @param owner whose image
     * @param imageExtension the image's file extension
     * @return the URL to download the image from
     */
    URI profileImageUrl(Caller viewer, UserId owner, String imageExtension);
}
