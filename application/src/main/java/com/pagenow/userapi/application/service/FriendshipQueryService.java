package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipQuery;
import com.pagenow.userapi.application.port.in.friendship.CountFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.CountMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.FriendshipQueries;
import com.pagenow.userapi.application.port.in.friendship.GetSentFriendRequestQuery;
import com.pagenow.userapi.application.port.in.friendship.ListFriendsOfUserQuery;
import com.pagenow.userapi.application.port.in.friendship.ListMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.ListRelationshipsQuery;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsQuery;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The friendship reads: each is one repository query, so none needs a transaction. */
public final class FriendshipQueryService implements FriendshipQueries {

    private final FriendshipRepository friendships;
    private final FriendGraph graph;
    private final BlockerHiding hiding;

    /**
     * {@code blocks} hide, from a user someone blocks, that someone's friends, counts and relationship.
     *
     * @param friendships the relationships
     * @param graph the reads over accepted friendships
     * @param blocks the blocks
     */
    public FriendshipQueryService(FriendshipRepository friendships, FriendGraph graph, BlockRepository blocks) {
        this.friendships = Objects.requireNonNull(friendships);
        this.graph = Objects.requireNonNull(graph);
        this.hiding = new BlockerHiding(blocks);
    }

    @Override
    public Optional<Friendship> checkFriendship(CheckFriendshipQuery query) {
        return between(query.caller().userId(), query.other());
    }

    @Override
    public Optional<Friendship> getSentFriendRequest(GetSentFriendRequestQuery query) {
        UserId caller = query.caller().userId();
        return between(caller, query.other()).filter(found -> found.requester().equals(caller));
    }

    @Override
    public List<FriendRequest> listReceivedFriendRequests(Caller caller) {
        return friendships.pendingRequestsTo(caller.userId());
    }

    @Override
    public List<UserSummary> listMyFriends(Caller caller) {
        return graph.allFriends(caller.userId());
    }

    @Override
    public List<UserSummary> listFriendsOfUser(ListFriendsOfUserQuery query) {
        if (query.page().isEmpty() || hiding.hides(query.caller().userId(), query.user())) {
            return List.of();
        }
        return graph.friendsOf(query.user(), query.caller().userId(), query.page());
    }

    @Override
    public long countFriends(CountFriendsQuery query) {
        if (hiding.hides(query.caller().userId(), query.other())) {
            return 0;
        }
        return graph.countFriends(query.other(), query.caller().userId());
    }

    @Override
    public List<UserSummary> listMutualFriends(ListMutualFriendsQuery query) {
        if (query.page().isEmpty() || hiding.hides(query.caller().userId(), query.other())) {
            return List.of();
        }
        return graph.mutualFriends(query.caller().userId(), query.other(), query.page());
    }

    @Override
    public long countMutualFriends(CountMutualFriendsQuery query) {
        if (hiding.hides(query.caller().userId(), query.other())) {
            return 0;
        }
        return graph.countMutualFriends(query.caller().userId(), query.other());
    }

    @Override
    public List<Relationship> listRelationships(ListRelationshipsQuery query) {
        if (query.ids().isEmpty()) {
            return List.of();
        }
        // The graph leaves out whoever blocks the caller in the same statement (see FriendGraph#relationships).
        return graph.relationships(query.caller().userId(), query.ids());
    }

    @Override
    public List<UserSummary> suggestFriends(SuggestFriendsQuery query) {
        if (query.page().isEmpty()) {
            return List.of();
        }
        return graph.suggestions(query.caller().userId(), query.page());
    }

    private Optional<Friendship> between(UserId caller, UserId other) {
        return caller.equals(other) ? Optional.empty() : friendships.findBetween(caller, other);
    }
}
