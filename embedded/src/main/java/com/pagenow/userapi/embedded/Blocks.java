package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.block.BlockUserUseCase;
import com.pagenow.userapi.application.port.in.block.ListBlockedUsersUseCase;
import com.pagenow.userapi.application.port.in.block.UnblockUserUseCase;

/**
 * Blocking and unblocking users: the use cases behind {@code /blocks}. Each method is the inbound port it comes from,
 * with the same rules, SQL and transactions as the service.
 */
public interface Blocks extends BlockUserUseCase, UnblockUserUseCase, ListBlockedUsersUseCase {}
