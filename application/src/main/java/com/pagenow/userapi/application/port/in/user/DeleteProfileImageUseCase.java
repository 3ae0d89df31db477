package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;

/** Removes the caller's stored profile image and clears the image fields of the profile. */
public interface DeleteProfileImageUseCase {

    /**
     * Deletes the caller's profile image, if any.
     *
     * @param caller whose image
     */
    void deleteProfileImage(Caller caller);
}
