package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.UserId;

import java.net.URI;

/** A URL to download a user's profile image from, valid one hour. */
public interface GetProfileImageUrlUseCase {

    URI profileImageUrl(UserId owner, String imageExtension);
}
