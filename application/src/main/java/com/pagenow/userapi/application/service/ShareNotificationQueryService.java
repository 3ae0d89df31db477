package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.share.ListReceivedSharesQuery;
import com.pagenow.userapi.application.port.in.share.ListReceivedSharesUseCase;
import com.pagenow.userapi.application.port.in.share.ListSentSharesQuery;
import com.pagenow.userapi.application.port.in.share.ListSentSharesUseCase;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SentShare;

import java.util.List;
import java.util.Objects;

/** The share lists: each is one repository query, so none needs a transaction. */
public final class ShareNotificationQueryService implements ListReceivedSharesUseCase, ListSentSharesUseCase {

    private final ShareNotificationRepository shares;

    /**
     * A service on the share repository.
     *
     * @param shares the stored shares
     */
    public ShareNotificationQueryService(ShareNotificationRepository shares) {
        this.shares = Objects.requireNonNull(shares);
    }

    @Override
    public List<ReceivedShare> listReceivedShares(ListReceivedSharesQuery query) {
        return shares.receivedBy(query.caller().userId(), query.filter());
    }

    @Override
    public List<SentShare> listSentShares(ListSentSharesQuery query) {
        if (query.page().isEmpty()) {
            return List.of();
        }
        return shares.sentBy(query.caller().userId(), query.page());
    }
}
