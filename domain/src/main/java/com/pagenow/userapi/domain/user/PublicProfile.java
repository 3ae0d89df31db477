package com.pagenow.userapi.domain.user;

import java.time.LocalDate;

/** The privacy-masked view of a profile; a masked field is {@code null}. */
public record PublicProfile(
        UserId id,
        PersonName firstName,
        PersonName lastName,
        ProfileText description,
        ProfileImage profileImage,
        Email email,
        LocalDate dob,
        ProfileText gender,
        ProfileText school,
        ProfileText work,
        ProfileText location) {

    /**
     * What anyone else may see of a profile with these fields: each optional field only if its owner made it
     * public. A profile's sharing settings are never shown, so they are not needed here ({@link User#publicView}).
     *
     * @param id the user
     * @param email the e-mail address
     * @param firstName the first name
     * @param lastName the last name
     * @param details the details
     * @param visibility which fields are public
     * @param profileImage the profile image fields
     * @return the public view
     */
    public static PublicProfile of(
            UserId id,
            Email email,
            PersonName firstName,
            PersonName lastName,
            ProfileDetails details,
            Visibility visibility,
            ProfileImage profileImage) {
        return new PublicProfile(
                id,
                firstName,
                lastName,
                details.description(),
                profileImage,
                visibility.emailPublic() ? email : null,
                visibility.dobPublic() ? details.dob() : null,
                visibility.genderPublic() ? details.gender() : null,
                visibility.schoolPublic() ? details.school() : null,
                visibility.workPublic() ? details.work() : null,
                visibility.locationPublic() ? details.location() : null);
    }
}
