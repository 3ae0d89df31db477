package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.BirthDate;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileText;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.birthDate;
import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * Create the caller's profile; {@code dob} (a {@link BirthDate} text) and {@code gender} are optional.
 *
 * @param caller who registers
 * @param firstName the first name
 * @param lastName the last name
 * @param dob the date of birth as text, or null
 * @param gender the gender as text, or null
 */
public record RegisterUserCommand(
        @NotNull Caller caller,
        @NotNull String firstName,
        @NotNull String lastName,
        String dob,
        String gender) {

    /**
     * Checks the constraints and parses the names and details, so that a command that exists is a valid one.
     *
     * @param caller who registers
     * @param firstName the first name
     * @param lastName the last name
     * @param dob the date of birth as text, or null
     * @param gender the gender as text, or null
     */
    public RegisterUserCommand {
        CommandValidation.validate(RegisterUserCommand.class, caller, firstName, lastName, dob, gender);
        // Fields are assigned only after this body, so parse the parameters, not the accessors.
        name("first_name", firstName);
        name("last_name", lastName);
        details(dob, gender);
    }

    /**
     * The first name, parsed.
     *
     * @return the first name
     */
    public PersonName firstNameValue() {
        return name("first_name", firstName);
    }

    /**
     * The last name, parsed.
     *
     * @return the last name
     */
    public PersonName lastNameValue() {
        return name("last_name", lastName);
    }

    /**
     * The profile details from {@code dob} and {@code gender}; the other details are empty.
     *
     * @return the details
     */
    public ProfileDetails details() {
        return details(dob, gender);
    }

    private static PersonName name(String fieldName, String raw) {
        return field(fieldName, () -> PersonName.of(raw));
    }

    private static ProfileDetails details(String dob, String gender) {
        return new ProfileDetails(
                ProfileText.EMPTY,
                birthDate(dob),
                ProfileText.detail("gender", gender),
                ProfileText.EMPTY,
                ProfileText.EMPTY,
                ProfileText.EMPTY);
    }
}
