package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * API.md, "Blocks": to a user someone blocks, the blocker is indistinguishable from an id that does not exist, on
 * every path that names the blocker. Every use case that names another user asks here, in one of two ways: one
 * named user ({@link #hides}, then the answer for an unknown id: 404, {@code []} or zero), or a list of them
 * ({@link #visible}, the blockers left out as unknown ids are). The rule itself is
 * {@link BlockStatus#checkOtherKnown}.
 */
final class BlockerHiding {

    private final BlockRepository blocks;

    BlockerHiding(BlockRepository blocks) {
        this.blocks = Objects.requireNonNull(blocks);
    }

    /** Whether {@code named} blocks {@code viewer}, who must then get the answer for an unknown id. */
    boolean hides(UserId viewer, UserId named) {
        return !viewer.equals(named) && !blocks.between(viewer, named).maySeeProfile();
    }

    /** {@code named} without those who block {@code viewer}, in order; one read of the blocks for all of them. */
    <T extends Collection<UserId>> List<UserId> visible(UserId viewer, T named) {
        if (named.isEmpty()) {
            return List.copyOf(named);
        }
        Set<UserId> blockers = blocks.blockersOf(viewer, named);
        return named.stream().filter(id -> !blockers.contains(id)).toList();
    }
}
