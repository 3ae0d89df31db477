package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.readmodel.ReceivedShare;

import java.util.List;

/** The shares the caller received, newest first, each with its sender's name and image extension. */
public interface ListReceivedSharesUseCase {

    /**
     * Lists the shares the caller received.
     *
     * @param query the caller and which shares
     * @return the shares, newest first
     */
    List<ReceivedShare> listReceivedShares(ListReceivedSharesQuery query);
}
