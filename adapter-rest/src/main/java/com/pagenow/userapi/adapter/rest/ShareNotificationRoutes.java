package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.share.ListReceivedSharesQuery;
import com.pagenow.userapi.application.port.in.share.ListReceivedSharesUseCase;
import com.pagenow.userapi.application.port.in.share.ListSentSharesQuery;
import com.pagenow.userapi.application.port.in.share.ListSentSharesUseCase;
import com.pagenow.userapi.application.port.in.share.MarkSharesSeenCommand;
import com.pagenow.userapi.application.port.in.share.MarkSharesSeenUseCase;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendUseCase;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsUseCase;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;

import java.util.List;

/** The share notification resource under {@code /notifications/share}. */
public final class ShareNotificationRoutes implements Routes {

    private static final int DEFAULT_SENT_LIMIT = 10;

    private final ShareWithFriendsUseCase shareWithFriends;
    private final ShareWithFriendUseCase shareWithFriend;
    private final ListReceivedSharesUseCase received;
    private final ListSentSharesUseCase sent;
    private final MarkSharesSeenUseCase markSeen;

    /**
     * The routes over the services implementing their use cases; each route keeps the use case it calls.
     *
     * @param changes the share commands
     * @param reads the share queries
     * @param <C> the use cases of changes
     * @param <Q> the use cases of reads
     */
    public <
                    C extends ShareWithFriendsUseCase & ShareWithFriendUseCase & MarkSharesSeenUseCase,
                    Q extends ListReceivedSharesUseCase & ListSentSharesUseCase>
            ShareNotificationRoutes(C changes, Q reads) {
        this.shareWithFriends = changes;
        this.shareWithFriend = changes;
        this.markSeen = changes;
        this.received = reads;
        this.sent = reads;
    }

    @Override
    public void register(Router router) {
        router.post("/notifications/share", this::shareWithFriends);
        router.post("/notifications/share/personal", this::shareWithFriend);
        router.get("/notifications/share", this::received);
        router.get("/notifications/share/sent", this::sent);
        router.post("/notifications/share/read", this::markSeen);
    }

    /** Answers the new event id as a JSON string, as the old service did; a keyed retry answers the same id. */
    private Object shareWithFriends(ApiRequest request) {
        Bodies.Share body = request.body(Bodies.Share.class);
        return shareWithFriends
                .shareWithFriends(ShareWithFriendsCommand.of(
                        request.caller(), body.url(), body.title(), request.header(IdempotencyKey.FIELD)))
                .toString();
    }

    private Object shareWithFriend(ApiRequest request) {
        Bodies.PersonalShare body = request.body(Bodies.PersonalShare.class);
        return shareWithFriend
                .shareWithFriend(ShareWithFriendCommand.of(
                        request.caller(),
                        body.url(),
                        body.title(),
                        body.sentTo(),
                        request.header(IdempotencyKey.FIELD)))
                .toString();
    }

    private List<ShareNotificationResponses.Received> received(ApiRequest request) {
        return received
                .listReceivedShares(ListReceivedSharesQuery.of(request.caller(), request.queryBoolean("is_read")))
                .stream()
                .map(ShareNotificationResponses.Received::of)
                .toList();
    }

    private List<ShareNotificationResponses.Sent> sent(ApiRequest request) {
        return sent.listSentShares(new ListSentSharesQuery(request.caller(), request.page(DEFAULT_SENT_LIMIT))).stream()
                .map(ShareNotificationResponses.Sent::of)
                .toList();
    }

    private Object markSeen(ApiRequest request) {
        List<Bodies.Seen> body = request.body(new TypeReference<List<Bodies.Seen>>() {});
        // A null item becomes a missing id, which the command names by its position.
        List<String> eventIds =
                body.stream().map(item -> item == null ? null : item.eventId()).toList();
        markSeen.markSharesSeen(MarkSharesSeenCommand.of(request.caller(), eventIds));
        return FriendshipResponses.SUCCESS;
    }

    /** Request bodies; unknown fields are ignored. */
    private static final class Bodies {
        record Share(String url, String title) {}

        record PersonalShare(String url, String title, String sentTo) {}

        record Seen(String eventId) {}
    }
}
