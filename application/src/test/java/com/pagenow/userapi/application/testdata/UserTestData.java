package com.pagenow.userapi.application.testdata;

import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.SharingSettings;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;

import java.time.Instant;
import java.time.LocalDate;

/** Builds valid users for tests: {@code UserTestData.aUser("alice").withFirstName("Alice").build()}. */
public final class UserTestData {

    public static final Instant CREATED_AT = Instant.parse("2024-01-15T09:30:00Z");

    private UserTestData() {}

    /** A user with id {@code id}, e-mail {@code id@example.com}, named after the id, everything else default. */
    public static Builder aUser(String id) {
        return new Builder(id);
    }

    /** A fluent builder; each {@code with...} returns the same builder. */
    public static final class Builder {

        private final UserId id;
        private Email email;
        private PersonName firstName;
        private PersonName lastName = PersonName.of("Tester");
        private ProfileDetails details = ProfileDetails.EMPTY;
        private Visibility visibility = Visibility.ALL_PRIVATE;
        private SharingSettings sharing = SharingSettings.DEFAULTS;
        private ProfileImage profileImage = ProfileImage.NONE;
        private Instant createdAt = CREATED_AT;

        private Builder(String id) {
            this.id = UserId.of(id);
            this.email = Email.of(id + "@example.com");
            this.firstName = PersonName.of(Character.toUpperCase(id.charAt(0)) + id.substring(1));
        }

        public Builder withEmail(String value) {
            email = Email.of(value);
            return this;
        }

        public Builder withFirstName(String value) {
            firstName = PersonName.of(value);
            return this;
        }

        public Builder withLastName(String value) {
            lastName = PersonName.of(value);
            return this;
        }

        public Builder withName(String first, String last) {
            return withFirstName(first).withLastName(last);
        }

        public Builder withDescription(String value) {
            details = new ProfileDetails(
                    ProfileText.description(value),
                    details.dob(),
                    details.gender(),
                    details.school(),
                    details.work(),
                    details.location());
            return this;
        }

        public Builder withDetails(ProfileDetails value) {
            details = value;
            return this;
        }

        /** Every optional detail filled in, so that masking has something to hide. */
        public Builder withAllDetails() {
            return withDetails(new ProfileDetails(
                    ProfileText.description("Reads a lot"),
                    LocalDate.of(1990, 5, 17),
                    ProfileText.detail("gender", "female"),
                    ProfileText.detail("school", "KAIST"),
                    ProfileText.detail("work", "PageNow"),
                    ProfileText.detail("location", "Seoul")));
        }

        public Builder withVisibility(Visibility value) {
            visibility = value;
            return this;
        }

        public Builder withSharing(SharingSettings value) {
            sharing = value;
            return this;
        }

        public Builder withProfileImage(Instant uploadedAt, String extension) {
            profileImage = new ProfileImage(uploadedAt, extension);
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public User build() {
            return User.reconstitute(
                    id, email, firstName, lastName, details, visibility, sharing, profileImage, createdAt);
        }
    }
}
