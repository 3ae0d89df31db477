package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.SentShare;

import java.util.List;

/**
 * A page of the shares the caller sent, newest first, each with how many recipients have not seen it and, for a
 * personal share, the recipient.
 */
public interface ListSentSharesUseCase {

    int MAX_LIMIT = 100;

    List<SentShare> listSentShares(ListSentSharesQuery query);
}
