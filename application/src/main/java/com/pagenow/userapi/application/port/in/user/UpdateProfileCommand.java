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

import static com.pagenow.userapi.application.validation.Fields.birthDate;
import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * Replace every editable field of the caller's profile. All fields are required except the free texts
 * ({@code description}, {@code gender}, {@code school}, {@code work}, {@code location}: {@code null}, which the web
 * client sends back, is empty), {@code dob} (a
 * {@link com.pagenow.userapi.domain.user.BirthDate} text) and {@code dobPublic} (absent means: no date of birth,
 * not public).
 *
 * @param caller whose profile
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
public record UpdateProfileCommand(
        @NotNull Caller caller,
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
        Boolean dobPublic) {

    /**
     * Checks the constraints and parses the names, details and sharing settings, so that a command that exists is a
     * valid one.
     *
     * @param caller whose profile
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
    public UpdateProfileCommand {
        CommandValidation.validate(
                UpdateProfileCommand.class,
                caller,
                firstName,
                lastName,
                description,
                shareMode,
                domainAllowArray,
                domainDenyArray,
                gender,
                school,
                work,
                location,
                emailPublic,
                genderPublic,
                schoolPublic,
                workPublic,
                locationPublic,
                dob,
                dobPublic);
        // Parse once here so that a command that exists is a valid one. Fields are assigned only after this
        // body, so parse the parameters, not the accessors.
        name("first_name", firstName);
        name("last_name", lastName);
        details(description, dob, gender, school, work, location);
        sharing(shareMode, domainAllowArray, domainDenyArray);
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
     * The free texts and date of birth, parsed.
     *
     * @return the profile details
     */
    public ProfileDetails detailsValue() {
        return details(description, dob, gender, school, work, location);
    }

    /**
     * Which fields are public; without a date of birth flag, the date of birth is not.
     *
     * @return the visibility flags
     */
    public Visibility visibilityValue() {
        return new Visibility(
                emailPublic, Boolean.TRUE.equals(dobPublic), genderPublic, schoolPublic, workPublic, locationPublic);
    }

    /**
     * The share mode and the allow and deny lists, parsed.
     *
     * @return the sharing settings
     */
    public SharingSettings sharingValue() {
        return sharing(shareMode, domainAllowArray, domainDenyArray);
    }

    private static PersonName name(String fieldName, String raw) {
        return field(fieldName, () -> PersonName.of(raw));
    }

    private static ProfileDetails details(
            String description, String dob, String gender, String school, String work, String location) {
        return new ProfileDetails(
                ProfileText.description(description), birthDate(dob),
                ProfileText.detail("gender", gender), ProfileText.detail("school", school),
                ProfileText.detail("work", work), ProfileText.detail("location", location));
    }

    private static SharingSettings sharing(String shareMode, List<String> allow, List<String> deny) {
        return new SharingSettings(
                ShareMode.fromCode(shareMode),
                field("domain_allow_array", () -> DomainList.parse(allow)),
                field("domain_deny_array", () -> DomainList.parse(deny)));
    }
}
