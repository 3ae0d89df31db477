package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;

import java.net.URI;

/**
 * A URL to upload the caller's profile image to, valid one hour; records the upload time and extension on the
 * caller's profile.
 */
public interface GetProfileImageUploadUrlUseCase {

    /**
     * Signs an upload URL for the caller's image and records the upload on their profile.
     *
     * @param caller whose image
     * @param imageExtension the image's file extension, as the client names it
     * @return the URL to upload the image to
     */
    URI profileImageUploadUrl(Caller caller, String imageExtension);
}
