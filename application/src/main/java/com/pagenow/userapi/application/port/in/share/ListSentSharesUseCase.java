package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.readmodel.SentShare;

import java.util.List;

/**
 * A page of the shares the caller sent, newest first, each with how many recipients have not seen it and, for a
 * personal share, the recipient.
 */
public interface ListSentSharesUseCase {

    /** The largest page size; a larger limit is lowered to it. */
    int MAX_LIMIT = 100;

    /**
     * Lists a page of the caller's sent shares.
     *
     * @param query the caller and the page
     * @return the shares, newest first
     */
    List<SentShare> listSentShares(ListSentSharesQuery query);
}
