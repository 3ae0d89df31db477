package com.pagenow.userapi.application.port.in;

import java.net.URI;

/**
 * A URL to upload the caller's profile image to, valid one hour; records the upload time and extension on the
 * caller's profile.
 */
public interface GetProfileImageUploadUrlUseCase {

    URI profileImageUploadUrl(Caller caller, String imageExtension);
}
