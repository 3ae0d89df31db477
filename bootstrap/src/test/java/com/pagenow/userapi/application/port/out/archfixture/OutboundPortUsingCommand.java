package com.pagenow.userapi.application.port.out.archfixture;

import com.pagenow.userapi.application.port.in.block.BlockUserCommand;

/** Planted violation: an outbound port taking an inbound command instead of a type both sides own. */
public interface OutboundPortUsingCommand {

    void record(BlockUserCommand command);
}
