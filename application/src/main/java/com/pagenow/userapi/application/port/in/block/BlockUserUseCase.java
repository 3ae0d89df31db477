package com.pagenow.userapi.application.port.in.block;

/**
 * The caller blocks a user: in one transaction the block is stored and any friendship or pending request
 * between the two, in either direction, is removed. Blocking again changes nothing.
 */
public interface BlockUserUseCase {

    /**
     * @param command who blocks whom
     * @throws com.pagenow.userapi.domain.error.NotFoundException when either user has no profile
     */
    void blockUser(BlockUserCommand command);
}
