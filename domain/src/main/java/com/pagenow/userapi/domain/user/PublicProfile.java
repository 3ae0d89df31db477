package com.pagenow.userapi.domain.user;

import java.time.LocalDate;

/** The privacy-masked view of a profile; a masked field is {@code null}. */
public record PublicProfile(UserId id, PersonName firstName, PersonName lastName, ProfileText description,
                            ProfileImage profileImage, Email email, LocalDate dob, ProfileText gender,
                            ProfileText school, ProfileText work, ProfileText location) {
}
