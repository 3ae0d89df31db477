package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.DomainList;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.ShareMode;
import com.pagenow.userapi.domain.user.SharingSettings;
import com.pagenow.userapi.domain.user.Visibility;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

import static com.pagenow.userapi.application.validation.Fields.birthDate;
import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * Replace every editable field of the caller's profile.
 *
 * @param caller whose profile
 * @param firstName the first name
 * @param lastName the last name
 * @param details the free texts and the date of birth
 * @param visibility which fields are public
 * @param sharing the share mode and the allow and deny lists
 */
public record UpdateProfileCommand(
        @NotNull Caller caller,
        @NotNull PersonName firstName,
        @NotNull PersonName lastName,
        @NotNull ProfileDetails details,
        @NotNull Visibility visibility,
        @NotNull SharingSettings sharing) {

    /**
     * Checks the constraints.
     *
     * @param caller whose profile
     * @param firstName the first name
     * @param lastName the last name
     * @param details the free texts and the date of birth
     * @param visibility which fields are public
     * @param sharing the share mode and the allow and deny lists
     */
    public UpdateProfileCommand {
        CommandValidation.validate(
                UpdateProfileCommand.class, caller, firstName, lastName, details, visibility, sharing);
    }

    /**
     * The command for the fields a client sent ({@link Sent}). A missing one, or a missing caller, is reported by its
     * name, all at once, before a malformed one.
     *
     * @param caller whose profile
     * @param sent the fields as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when a field is invalid (named as sent)
     */
    public static UpdateProfileCommand of(Caller caller, Sent sent) {
        CommandValidation.validateSent(UpdateProfileCommand.class, caller, Objects.requireNonNull(sent, "sent"));
        PersonName first = field("first_name", () -> PersonName.of(sent.firstName()));
        PersonName last = field("last_name", () -> PersonName.of(sent.lastName()));
        ProfileDetails details = new ProfileDetails(
                ProfileText.description(sent.description()), birthDate(sent.dob()),
                ProfileText.detail("gender", sent.gender()), ProfileText.detail("school", sent.school()),
                ProfileText.detail("work", sent.work()), ProfileText.detail("location", sent.location()));
        SharingSettings sharing = new SharingSettings(
                ShareMode.fromCode(sent.shareMode()),
                field("domain_allow_array", () -> DomainList.parse(sent.domainAllowArray())),
                field("domain_deny_array", () -> DomainList.parse(sent.domainDenyArray())));
        Visibility visibility = new Visibility(
                sent.emailPublic(),
                Boolean.TRUE.equals(sent.dobPublic()),
                sent.genderPublic(),
                sent.schoolPublic(),
                sent.workPublic(),
                sent.locationPublic());
        return new UpdateProfileCommand(caller, first, last, details, visibility, sharing);
    }

    /**
     * Every editable field of a profile as a client sends it (the body of {@code PUT /users/me}). All are required
     * except the free texts ({@code description}, {@code gender}, {@code school}, {@code work}, {@code location}:
     * {@code null}, which the web client sends back, is empty), {@code dob} (a
     * {@link com.pagenow.userapi.domain.user.BirthDate} text) and {@code dobPublic} (absent means: no date of birth,
     * not public); {@link #of} checks them.
     *
     * @param firstName the first name
     * @param lastName the last name
     * @param description the description, or null for empty
     * @param shareMode the share mode's code
     * @param domainAllowArray the allow list's domains
     * @param domainDenyArray the deny list's domains
     * @param gender the gender, or null for empty
     * @param school the school, or null for empty
     * @param work the work, or null for empty
     * @param location the location, or null for empty
     * @param emailPublic whether the e-mail address is public
     * @param genderPublic whether the gender is public
     * @param schoolPublic whether the school is public
     * @param workPublic whether the work is public
     * @param locationPublic whether the location is public
     * @param dob the date of birth as text, or null
     * @param dobPublic whether the date of birth is public; null means no
     */
    public record Sent(
            @NotNull String firstName,
            @NotNull String lastName,
            String description,
            @NotNull String shareMode,
            @NotNull @Size(max = DomainList.MAX_ENTRIES) List<@NotNull String> domainAllowArray,
            @NotNull @Size(max = DomainList.MAX_ENTRIES) List<@NotNull String> domainDenyArray,
            String gender,
            String school,
            String work,
            String location,
            @NotNull Boolean emailPublic,
            @NotNull Boolean genderPublic,
            @NotNull Boolean schoolPublic,
            @NotNull Boolean workPublic,
            @NotNull Boolean locationPublic,
            String dob,
            Boolean dobPublic) {}
}
