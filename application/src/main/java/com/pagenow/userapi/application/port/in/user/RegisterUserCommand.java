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
 * Create the caller's profile with their names and details (at registration, a client sends only the date of birth
 * and the gender).
 *
 * @param caller who registers
 * @param firstName the first name
 * @param lastName the last name
 * @param details the profile details
 */
public record RegisterUserCommand(
        @NotNull Caller caller,
        @NotNull PersonName firstName,
        @NotNull PersonName lastName,
        @NotNull ProfileDetails details) {

    /**
     * Checks the constraints.
     *
     * @param caller who registers
     * @param firstName the first name
     * @param lastName the last name
     * @param details the profile details
     */
    public RegisterUserCommand {
        CommandValidation.validate(RegisterUserCommand.class, caller, firstName, lastName, details);
    }

    /**
     * The command for the fields a client sent; {@code dob} (a {@link BirthDate} text) and {@code gender} are
     * optional, the other details are empty.
     *
     * @param caller who registers
     * @param firstName the first name, as sent
     * @param lastName the last name, as sent
     * @param dob the date of birth as text, or null
     * @param gender the gender as text, or null
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when a field is invalid (named as sent)
     */
    public static RegisterUserCommand of(Caller caller, String firstName, String lastName, String dob, String gender) {
        CommandValidation.validate(Sent.class, caller, firstName, lastName, dob, gender);
        PersonName first = field("first_name", () -> PersonName.of(firstName));
        PersonName last = field("last_name", () -> PersonName.of(lastName));
        ProfileDetails details = new ProfileDetails(
                ProfileText.EMPTY,
                birthDate(dob),
                ProfileText.detail("gender", gender),
                ProfileText.EMPTY,
                ProfileText.EMPTY,
                ProfileText.EMPTY);
        return new RegisterUserCommand(caller, first, last, details);
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(
            @NotNull Caller caller,
            @NotNull String firstName,
            @NotNull String lastName,
            String dob,
            String gender) {}
}
