package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.block.BlockUserCommand;
import com.pagenow.userapi.application.port.in.block.BlockUserUseCase;
import com.pagenow.userapi.application.port.in.block.ListBlockedUsersQuery;
import com.pagenow.userapi.application.port.in.block.ListBlockedUsersUseCase;
import com.pagenow.userapi.application.port.in.block.UnblockUserCommand;
import com.pagenow.userapi.application.port.in.block.UnblockUserUseCase;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Blocking, unblocking and the list of blocked users. */
public final class BlockService implements BlockUserUseCase, UnblockUserUseCase, ListBlockedUsersUseCase {

    private final UserRepository users;
    private final FriendshipRepository friendships;
    private final BlockRepository blocks;
    private final TransactionRunner transactions;
    private final Clock clock;

    /**
     * A service on these ports.
     *
     * @param users the profiles
     * @param friendships the relationships a block removes
     * @param blocks the blocks
     * @param transactions runs a block and its removals together
     * @param clock the time a block begins
     */
    public BlockService(
            UserRepository users,
            FriendshipRepository friendships,
            BlockRepository blocks,
            TransactionRunner transactions,
            Clock clock) {
        this.users = Objects.requireNonNull(users);
        this.friendships = Objects.requireNonNull(friendships);
        this.blocks = Objects.requireNonNull(blocks);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void blockUser(BlockUserCommand command) {
        UserId blocker = command.caller().userId();
        UserId blocked = command.blocked();
        transactions.inTransaction(() -> {
            blocks.lockPair(blocker, blocked);
            // Both rows are foreign-key targets: a missing profile is a 404, not a database error.
            if (!users.exists(blocked) || !users.exists(blocker)) {
                throw User.notFound();
            }
            blocks.between(blocker, blocked).checkOtherKnown();
            Block block = Block.of(blocker, blocked, Timestamps.now(clock));
            blocks.insert(block);
            friendships.findBetween(blocker, blocked).filter(block::ends).ifPresent(friendships::delete);
        });
    }

    @Override
    public void unblockUser(UnblockUserCommand command) {
        if (!blocks.delete(command.caller().userId(), command.blocked())) {
            throw Block.notBlocked();
        }
    }

    @Override
    public List<BlockedUser> listBlockedUsers(ListBlockedUsersQuery query) {
        if (query.page().isEmpty()) {
            return List.of();
        }
        return blocks.blockedBy(query.caller().userId(), query.page());
    }
}
