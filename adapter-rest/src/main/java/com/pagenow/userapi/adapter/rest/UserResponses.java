package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The user shapes of docs/api.md: UserSummary, UserPublic and UserPrivate. */
final class UserResponses {

    private UserResponses() {}

    record Summary(
            String userId,
            String firstName,
            String lastName,
            String description,
            Instant profileImageUploadedAt,
            String profileImageExtension,
            Integer friendshipState,
            String friendshipStatus,
            Long mutualFriendCount) {

        static List<Summary> ofAll(List<UserSummary> users) {
            return users.stream().map(Summary::of).toList();
        }

        static Summary of(UserSummary user) {
            return summary(
                    user.id(),
                    user.firstName(),
                    user.lastName(),
                    user.description(),
                    user.profileImage(),
                    user.status(),
                    user.mutualFriendCount());
        }

        /** The summary fields of a profile, where the relationship to the caller is not part of the answer. */
        static Summary withoutRelationship(
                UserId id, PersonName firstName, PersonName lastName, ProfileText description, ProfileImage image) {
            return summary(id, firstName, lastName, description, image, null, null);
        }

        private static Summary summary(
                UserId id,
                PersonName firstName,
                PersonName lastName,
                ProfileText description,
                ProfileImage image,
                FriendshipStatus status,
                Long mutualFriendCount) {
            return new Summary(
                    id.value(),
                    firstName.value(),
                    lastName.value(),
                    description.value(),
                    image.uploadedAt(),
                    image.extension(),
                    status == null ? null : status.state(),
                    status == null ? null : status.code(),
                    mutualFriendCount);
        }
    }

    /** UserSummary (its relationship fields null) + the public details. */
    record Public(
            @JsonUnwrapped Summary summary,
            LocalDate dob,
            String gender,
            String school,
            String work,
            String location,
            String email) {

        static Public of(PublicProfile user) {
            return new Public(
                    Summary.withoutRelationship(
                            user.id(), user.firstName(), user.lastName(), user.description(), user.profileImage()),
                    user.dob(),
                    text(user.gender()),
                    text(user.school()),
                    text(user.work()),
                    text(user.location()),
                    user.email() == null ? null : user.email().value());
        }

        private static String text(ProfileText text) {
            return text == null ? null : text.value();
        }
    }

    /** UserPublic, every detail shown, + the owner's settings. */
    record Private(
            @JsonUnwrapped Public profile,
            boolean emailPublic,
            boolean dobPublic,
            boolean genderPublic,
            boolean schoolPublic,
            boolean workPublic,
            boolean locationPublic,
            String shareMode,
            List<String> domainAllowArray,
            List<String> domainDenyArray,
            Instant createdAt) {

        static Private of(User user) {
            ProfileDetails details = user.details();
            Visibility visibility = user.visibility();
            return new Private(
                    new Public(
                            Summary.withoutRelationship(
                                    user.id(),
                                    user.firstName(),
                                    user.lastName(),
                                    details.description(),
                                    user.profileImage()),
                            details.dob(),
                            details.gender().value(),
                            details.school().value(),
                            details.work().value(),
                            details.location().value(),
                            user.email().value()),
                    visibility.emailPublic(),
                    visibility.dobPublic(),
                    visibility.genderPublic(),
                    visibility.schoolPublic(),
                    visibility.workPublic(),
                    visibility.locationPublic(),
                    user.sharing().shareMode().code(),
                    user.sharing().allowList().values(),
                    user.sharing().denyList().values(),
                    user.createdAt());
        }
    }
}
