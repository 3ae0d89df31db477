package com.pagenow.userapi.application.port.in.block;

/** The caller lifts their own block; the other side's block of them is not theirs to lift. */
public interface UnblockUserUseCase {

    /**
     * @param command who lifts the block of whom
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the caller does not block that user
     */
    void unblockUser(UnblockUserCommand command);
}
