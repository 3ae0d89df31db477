package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.server.Json;
import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BlockRoutesTest {

    @Test
    void aBlockedUserIsWrittenAsTheirSummaryFollowedByBlockedAt() throws Exception {
        UserSummary bob = new UserSummary(
                UserId.of("bob"),
                PersonName.of("Bob"),
                PersonName.of("Builder"),
                ProfileText.description("Builds"),
                ProfileImage.NONE,
                FriendshipStatus.NONE,
                null);
        BlockedUser blocked = new BlockedUser(bob, Instant.parse("2026-01-02T03:04:05Z"));

        String json = Json.mapper().writeValueAsString(BlockRoutes.Blocked.of(blocked));

        assertThat(json)
                .isEqualTo("{\"user_id\":\"bob\",\"first_name\":\"Bob\",\"last_name\":\"Builder\","
                        + "\"description\":\"Builds\",\"profile_image_uploaded_at\":null,"
                        + "\"profile_image_extension\":null,\"friendship_state\":0,\"friendship_status\":\"none\","
                        + "\"mutual_friend_count\":null,\"blocked_at\":\"2026-01-02T03:04:05Z\"}");
    }
}
