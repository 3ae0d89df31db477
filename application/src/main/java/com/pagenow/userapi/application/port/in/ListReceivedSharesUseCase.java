package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.ReceivedShare;

import java.util.List;

/** The shares the caller received, newest first, each with its sender's name and image extension. */
public interface ListReceivedSharesUseCase {

    List<ReceivedShare> listReceivedShares(ListReceivedSharesQuery query);
}
