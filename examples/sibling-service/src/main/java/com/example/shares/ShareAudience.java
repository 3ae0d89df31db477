package com.example.shares;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.friendship.ListRelationshipsQuery;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.embedded.Friendships;

import java.util.List;

/**
 * Which of these users may see what a user shares: their accepted friends whom they do not block, by user-api's
 * rules and on user-api's data, asked in-process over this service's own connections.
 */
public final class ShareAudience {

    private final Friendships friendships;

    public ShareAudience(Friendships friendships) {
        this.friendships = friendships;
    }

    /** Those of {@code candidates} who may see a share of {@code sharer}, in the order asked. */
    public List<UserId> whoMaySee(UserId sharer, List<UserId> candidates) {
        return friendships.listRelationships(new ListRelationshipsQuery(new Caller(sharer, null), candidates))
                .stream()
                .filter(relationship -> relationship.status() == FriendshipStatus.FRIENDS && !relationship.blocking())
                .map(Relationship::userId)
                .toList();
    }
}
