package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.AccountExport;
import com.pagenow.userapi.domain.user.UserId;

import java.util.function.Consumer;

/**
 * The lists of an export, each read in bounded pages (oldest first) and handed to a consumer row by row, so that
 * a user with a hundred thousand rows is exported in bounded memory.
 */
public interface AccountExportRepository {

    void friends(UserId user, Consumer<AccountExport.Friend> each);

    void requestsSent(UserId user, Consumer<AccountExport.Request> each);

    void requestsReceived(UserId user, Consumer<AccountExport.Request> each);

    void blocks(UserId user, Consumer<AccountExport.Blocked> each);

    void sharesSent(UserId user, Consumer<AccountExport.SentShare> each);

    void sharesReceived(UserId user, Consumer<AccountExport.ReceivedShare> each);
}
