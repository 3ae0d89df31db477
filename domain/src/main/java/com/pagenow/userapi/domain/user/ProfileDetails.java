package com.pagenow.userapi.domain.user;

import java.time.LocalDate;

/** The optional, owner-editable facts of a profile; {@code dob} may be absent. */
public record ProfileDetails(
        ProfileText description,
        LocalDate dob,
        ProfileText gender,
        ProfileText school,
        ProfileText work,
        ProfileText location) {

    /** No optional details at all. */
    public static final ProfileDetails EMPTY = new ProfileDetails(
            ProfileText.EMPTY, null, ProfileText.EMPTY, ProfileText.EMPTY, ProfileText.EMPTY, ProfileText.EMPTY);

    /**
     * A null detail becomes {@link ProfileText#EMPTY}.
     *
     * @param description the description
     * @param dob the date of birth, or null
     * @param gender the gender
     * @param school the school
     * @param work the work
     * @param location the location
     */
    public ProfileDetails {
        description = orEmpty(description);
        gender = orEmpty(gender);
        school = orEmpty(school);
        work = orEmpty(work);
        location = orEmpty(location);
    }

    private static ProfileText orEmpty(ProfileText text) {
        return text == null ? ProfileText.EMPTY : text;
    }
}
