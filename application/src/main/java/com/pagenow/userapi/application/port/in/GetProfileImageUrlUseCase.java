package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.UserId;

import java.net.URI;

/** A URL to download a user's profile image from, valid one hour; not for someone the owner blocks. */
public interface GetProfileImageUrlUseCase {

    URI profileImageUrl(Caller viewer, UserId owner, String imageExtension);
}
