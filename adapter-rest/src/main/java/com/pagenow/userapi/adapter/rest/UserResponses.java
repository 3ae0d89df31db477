package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.User;

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

        static Summary of(UserSummary user) {
            FriendshipStatus status = user.status();
            return new Summary(
                    user.id().value(),
                    user.firstName().value(),
                    user.lastName().value(),
                    user.description().value(),
                    user.profileImage().uploadedAt(),
                    user.profileImage().extension(),
                    status == null ? null : status.state(),
                    status == null ? null : status.code(),
                    user.mutualFriendCount());
        }
    }

    record Public(
            String userId,
            String firstName,
            String lastName,
            String description,
            Instant profileImageUploadedAt,
            String profileImageExtension,
            Integer friendshipState,
            String friendshipStatus,
            Long mutualFriendCount,
            LocalDate dob,
            String gender,
            String school,
            String work,
            String location,
            String email) {

        static Public of(PublicProfile user) {
            return new Public(
                    user.id().value(),
                    user.firstName().value(),
                    user.lastName().value(),
                    user.description().value(),
                    user.profileImage().uploadedAt(),
                    user.profileImage().extension(),
                    null,
                    null,
                    null,
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

    record Private(
            String userId,
            String firstName,
            String lastName,
            String description,
            Instant profileImageUploadedAt,
            String profileImageExtension,
            Integer friendshipState,
            String friendshipStatus,
            Long mutualFriendCount,
            LocalDate dob,
            String gender,
            String school,
            String work,
            String location,
            String email,
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
            Email email = user.email();
            return new Private(
                    user.id().value(),
                    user.firstName().value(),
                    user.lastName().value(),
                    user.details().description().value(),
                    user.profileImage().uploadedAt(),
                    user.profileImage().extension(),
                    null,
                    null,
                    null,
                    user.details().dob(),
                    user.details().gender().value(),
                    user.details().school().value(),
                    user.details().work().value(),
                    user.details().location().value(),
                    email.value(),
                    user.visibility().emailPublic(),
                    user.visibility().dobPublic(),
                    user.visibility().genderPublic(),
                    user.visibility().schoolPublic(),
                    user.visibility().workPublic(),
                    user.visibility().locationPublic(),
                    user.sharing().shareMode().code(),
                    user.sharing().allowList().values(),
                    user.sharing().denyList().values(),
                    user.createdAt());
        }
    }
}
