package com.pagenow.userapi.adapter.rest;

import java.util.List;

/**
 * Request bodies of the Users resource; unknown fields are ignored, validation (dob included) happens in the commands.
 *
 */
final class UserRequests {

    private UserRequests() {}

    record Register(String firstName, String lastName, String dob, String gender) {}

    record Update(
            String firstName,
            String lastName,
            String description,
            String shareMode,
            List<String> domainAllowArray,
            List<String> domainDenyArray,
            String gender,
            String school,
            String work,
            String location,
            Boolean emailPublic,
            Boolean genderPublic,
            Boolean schoolPublic,
            Boolean workPublic,
            Boolean locationPublic,
            String dob,
            Boolean dobPublic) {}
}
