package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.block.BlockUserCommand;
import com.pagenow.userapi.application.port.in.block.ListBlockedUsersQuery;
import com.pagenow.userapi.application.port.in.block.UnblockUserCommand;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipQuery;
import com.pagenow.userapi.application.port.in.friendship.CountFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.CountMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.GetSentFriendRequestQuery;
import com.pagenow.userapi.application.port.in.friendship.ListFriendsOfUserQuery;
import com.pagenow.userapi.application.port.in.friendship.ListMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.ListRelationshipsQuery;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsQuery;
import com.pagenow.userapi.application.port.in.search.SearchFriendsQuery;
import com.pagenow.userapi.application.port.in.search.SearchUsersQuery;
import com.pagenow.userapi.application.port.in.share.ListReceivedSharesQuery;
import com.pagenow.userapi.application.port.in.share.ListSentSharesQuery;
import com.pagenow.userapi.application.port.in.share.MarkSharesSeenCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListCommand;
import com.pagenow.userapi.application.port.in.user.UpdateProfileCommand;
import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.application.service.BlockService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.ShareNotificationQueryService;
import com.pagenow.userapi.application.service.ShareNotificationService;
import com.pagenow.userapi.application.service.UserProfileService;
import com.pagenow.userapi.application.service.UserSearchService;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/**
 * The port groups a {@link UserApiLibrary} hands out, each delegating to the services of the one wiring
 * ({@code UseCases}): callers see the {@code port.in} interfaces, never the service classes.
 */
final class Delegates {

    private Delegates() {}

    /** Users over the services of the shared wiring. */
    static final class UsersDelegate implements Users {

        private final UserProfileService profiles;

        UsersDelegate(UserProfileService profiles) {
            this.profiles = profiles;
        }

        @Override
        public User register(RegisterUserCommand command) {
            return profiles.register(command);
        }

        @Override
        public User getOwnProfile(Caller caller) {
            return profiles.getOwnProfile(caller);
        }

        @Override
        public User updateOwnProfile(UpdateProfileCommand command) {
            return profiles.updateOwnProfile(command);
        }

        @Override
        public User replaceDomainList(ReplaceDomainListCommand command) {
            return profiles.replaceDomainList(command);
        }

        @Override
        public PublicProfile getPublicProfile(Caller viewer, UserId userId) {
            return profiles.getPublicProfile(viewer, userId);
        }

        @Override
        public List<PublicProfile> getPublicProfiles(Caller viewer, List<UserId> userIds) {
            return profiles.getPublicProfiles(viewer, userIds);
        }
    }
    /** Friendships over the services of the shared wiring. */
    static final class FriendshipsDelegate implements Friendships {

        private final FriendshipService changes;
        private final FriendshipQueryService reads;

        FriendshipsDelegate(FriendshipService changes, FriendshipQueryService reads) {
            this.changes = changes;
            this.reads = reads;
        }

        @Override
        public Friendship sendFriendRequest(SendFriendRequestCommand command) {
            return changes.sendFriendRequest(command);
        }

        @Override
        public Friendship acceptFriendRequest(AcceptFriendRequestCommand command) {
            return changes.acceptFriendRequest(command);
        }

        @Override
        public void declineFriendRequest(DeclineFriendRequestCommand command) {
            changes.declineFriendRequest(command);
        }

        @Override
        public void removeFriendship(RemoveFriendshipCommand command) {
            changes.removeFriendship(command);
        }

        @Override
        public Optional<Friendship> checkFriendship(CheckFriendshipQuery query) {
            return reads.checkFriendship(query);
        }

        @Override
        public Optional<Friendship> getSentFriendRequest(GetSentFriendRequestQuery query) {
            return reads.getSentFriendRequest(query);
        }

        @Override
        public List<FriendRequest> listReceivedFriendRequests(Caller caller) {
            return reads.listReceivedFriendRequests(caller);
        }

        @Override
        public List<UserSummary> listMyFriends(Caller caller) {
            return reads.listMyFriends(caller);
        }

        @Override
        public List<UserSummary> listFriendsOfUser(ListFriendsOfUserQuery query) {
            return reads.listFriendsOfUser(query);
        }

        @Override
        public long countFriends(CountFriendsQuery query) {
            return reads.countFriends(query);
        }

        @Override
        public List<UserSummary> listMutualFriends(ListMutualFriendsQuery query) {
            return reads.listMutualFriends(query);
        }

        @Override
        public long countMutualFriends(CountMutualFriendsQuery query) {
            return reads.countMutualFriends(query);
        }

        @Override
        public List<Relationship> listRelationships(ListRelationshipsQuery query) {
            return reads.listRelationships(query);
        }

        @Override
        public List<UserSummary> suggestFriends(SuggestFriendsQuery query) {
            return reads.suggestFriends(query);
        }
    }
    /** Blocks over the services of the shared wiring. */
    static final class BlocksDelegate implements Blocks {

        private final BlockService blocks;

        BlocksDelegate(BlockService blocks) {
            this.blocks = blocks;
        }

        @Override
        public void blockUser(BlockUserCommand command) {
            blocks.blockUser(command);
        }

        @Override
        public void unblockUser(UnblockUserCommand command) {
            blocks.unblockUser(command);
        }

        @Override
        public List<BlockedUser> listBlockedUsers(ListBlockedUsersQuery query) {
            return blocks.listBlockedUsers(query);
        }
    }
    /** Shares over the services of the shared wiring. */
    static final class SharesDelegate implements Shares {

        private final ShareNotificationService changes;
        private final ShareNotificationQueryService reads;

        SharesDelegate(ShareNotificationService changes, ShareNotificationQueryService reads) {
            this.changes = changes;
            this.reads = reads;
        }

        @Override
        public ShareEventId shareWithFriends(ShareWithFriendsCommand command) {
            return changes.shareWithFriends(command);
        }

        @Override
        public ShareEventId shareWithFriend(ShareWithFriendCommand command) {
            return changes.shareWithFriend(command);
        }

        @Override
        public void markSharesSeen(MarkSharesSeenCommand command) {
            changes.markSharesSeen(command);
        }

        @Override
        public List<ReceivedShare> listReceivedShares(ListReceivedSharesQuery query) {
            return reads.listReceivedShares(query);
        }

        @Override
        public List<SentShare> listSentShares(ListSentSharesQuery query) {
            return reads.listSentShares(query);
        }
    }
    /** Search over the services of the shared wiring. */
    static final class SearchDelegate implements Search {

        private final UserSearchService search;

        SearchDelegate(UserSearchService search) {
            this.search = search;
        }

        @Override
        public List<UserSummary> searchUsers(SearchUsersQuery query) {
            return search.searchUsers(query);
        }

        @Override
        public List<UserSummary> searchFriends(SearchFriendsQuery query) {
            return search.searchFriends(query);
        }
    }
}
