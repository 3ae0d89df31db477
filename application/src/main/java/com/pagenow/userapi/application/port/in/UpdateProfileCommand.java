package com.pagenow.userapi.application.port.in;

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

import java.time.LocalDate;
import java.util.List;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * Replace every editable field of the caller's profile. All fields are required except {@code dob} and
 * {@code dobPublic} (absent means: no date of birth, not public).
 */
public record UpdateProfileCommand(
        @NotNull Caller caller,
        @NotNull String firstName,
        @NotNull String lastName,
        @NotNull String description,
        @NotNull String shareMode,
        @NotNull @Size(max = DomainList.MAX_ENTRIES) List<@NotNull String> domainAllowArray,
        @NotNull @Size(max = DomainList.MAX_ENTRIES) List<@NotNull String> domainDenyArray,
        @NotNull String gender,
        @NotNull String school,
        @NotNull String work,
        @NotNull String location,
        @NotNull Boolean emailPublic,
        @NotNull Boolean genderPublic,
        @NotNull Boolean schoolPublic,
        @NotNull Boolean workPublic,
        @NotNull Boolean locationPublic,
        LocalDate dob,
        Boolean dobPublic) {

    public UpdateProfileCommand {
        CommandValidation.validate(this);
        // Parse once here so that a command that exists is a valid one.
        firstNameValue();
        lastNameValue();
        detailsValue();
        sharingValue();
    }

    public PersonName firstNameValue() {
        return field("first_name", () -> PersonName.of(firstName));
    }

    public PersonName lastNameValue() {
        return field("last_name", () -> PersonName.of(lastName));
    }

    public ProfileDetails detailsValue() {
        return new ProfileDetails(
                ProfileText.description(description), dob,
                ProfileText.detail("gender", gender), ProfileText.detail("school", school),
                ProfileText.detail("work", work), ProfileText.detail("location", location));
    }

    public Visibility visibilityValue() {
        return new Visibility(emailPublic, Boolean.TRUE.equals(dobPublic), genderPublic, schoolPublic, workPublic,
                locationPublic);
    }

    public SharingSettings sharingValue() {
        return new SharingSettings(
                ShareMode.fromCode(shareMode),
                field("domain_allow_array", () -> DomainList.parse(domainAllowArray)),
                field("domain_deny_array", () -> DomainList.parse(domainDenyArray)));
    }
}
