package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileText;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

import static com.pagenow.userapi.application.validation.Fields.field;

/** Create the caller's profile; {@code dob} and {@code gender} are optional. */
public record RegisterUserCommand(@NotNull Caller caller, @NotNull String firstName, @NotNull String lastName,
                                  LocalDate dob, String gender) {

    public RegisterUserCommand {
        CommandValidation.validate(this);
        firstNameValue();
        lastNameValue();
        details();
    }

    public PersonName firstNameValue() {
        return field("first_name", () -> PersonName.of(firstName));
    }

    public PersonName lastNameValue() {
        return field("last_name", () -> PersonName.of(lastName));
    }

    public ProfileDetails details() {
        return new ProfileDetails(ProfileText.EMPTY, dob, ProfileText.detail("gender", gender),
                ProfileText.EMPTY, ProfileText.EMPTY, ProfileText.EMPTY);
    }
}
