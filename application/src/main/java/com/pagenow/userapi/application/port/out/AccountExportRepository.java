package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.AccountExport;

/**
 * The lists of an export, each read in bounded pages (oldest first) and handed to a consumer row by row, so that
 * a user with a hundred thousand rows is exported in bounded memory.
 */
public interface AccountExportRepository extends AccountExport.Lists {}
