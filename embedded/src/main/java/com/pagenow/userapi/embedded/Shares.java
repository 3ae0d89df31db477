package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.share.ListReceivedSharesUseCase;
import com.pagenow.userapi.application.port.in.share.ListSentSharesUseCase;
import com.pagenow.userapi.application.port.in.share.MarkSharesSeenUseCase;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendUseCase;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsUseCase;

/**
 * Sharing pages with friends and reading shares: the use cases behind {@code /share_notifications}. Each method is the
 * inbound port it comes from, with the same rules, SQL and transactions as the service.
 */
public interface Shares
        extends ShareWithFriendsUseCase,
                ShareWithFriendUseCase,
                MarkSharesSeenUseCase,
                ListReceivedSharesUseCase,
                ListSentSharesUseCase {}
