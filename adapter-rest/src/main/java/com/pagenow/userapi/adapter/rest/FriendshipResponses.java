package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.domain.friendship.Friendship;

import java.time.Instant;
import java.util.Map;

/** The friendship shapes of docs/api.md: FriendshipRow, UserFriendRequest, counts and the success answer. */
final class FriendshipResponses {

    static final Map<String, Boolean> SUCCESS = Map.of("success", true);

    private FriendshipResponses() {}

    record Row(String userId1, String userId2, Instant requestedAt, Instant acceptedAt) {

        static Row of(Friendship friendship) {
            return new Row(
                    friendship.requester().value(),
                    friendship.addressee().value(),
                    friendship.requestedAt(),
                    friendship.acceptedAt());
        }
    }

    record Request(
            String userId,
            String firstName,
            String lastName,
            String description,
            Instant profileImageUploadedAt,
            String profileImageExtension,
            Instant requestedAt) {

        static Request of(FriendRequest request) {
            return new Request(
                    request.requester().value(),
                    request.firstName().value(),
                    request.lastName().value(),
                    request.description().value(),
                    request.profileImage().uploadedAt(),
                    request.profileImage().extension(),
                    request.requestedAt());
        }
    }

    /** One answer of {@code GET /friendship/relationships}. */
    record RelationshipTo(
            String userId,
            int friendshipState,
            String friendshipStatus,
            long mutualFriendCount,
            Instant requestedAt,
            Instant acceptedAt,
            boolean blocking) {

        static RelationshipTo of(Relationship relationship) {
            return new RelationshipTo(
                    relationship.userId().value(),
                    relationship.status().state(),
                    relationship.status().code(),
                    relationship.mutualFriendCount(),
                    relationship.requestedAt(),
                    relationship.acceptedAt(),
                    relationship.blocking());
        }
    }

    /** {@code count_1} is the old shape the extension reads; {@code count} the new name. */
    record Count(@JsonProperty("count_1") long count1, long count) {

        static Count of(long n) {
            return new Count(n, n);
        }
    }
}
