package com.pagenow.userapi.adapter.rest;

/**
 * Request bodies of the Users resource; unknown fields are ignored, validation (dob included) happens in the commands.
 * The body of {@code PUT /users/me} is the command's own {@code UpdateProfileCommand.Sent}.
 */
final class UserRequests {

    private UserRequests() {}

    record Register(String firstName, String lastName, String dob, String gender) {}
}
