package com.pagenow.userapi.application.port.in;

/** Removes the caller's stored profile image and clears the image fields of the profile. */
public interface DeleteProfileImageUseCase {

    void deleteProfileImage(Caller caller);
}
