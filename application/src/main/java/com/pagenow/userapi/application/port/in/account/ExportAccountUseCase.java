package com.pagenow.userapi.application.port.in.account;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.AccountExport;

/** {@code GET /users/me/export}: everything the service holds about the caller. */
public interface ExportAccountUseCase {

    /**
     * The caller's profile, read now; the lists are read page by page as the export is written.
     *
     * @param caller whose data
     * @return the export, to be written out while the lists are read
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the caller has no profile
     */
    AccountExport exportAccount(Caller caller);
}
