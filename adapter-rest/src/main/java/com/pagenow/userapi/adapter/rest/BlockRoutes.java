package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.block.BlockUserCommand;
import com.pagenow.userapi.application.port.in.block.BlockUserUseCase;
import com.pagenow.userapi.application.port.in.block.ListBlockedUsersQuery;
import com.pagenow.userapi.application.port.in.block.ListBlockedUsersUseCase;
import com.pagenow.userapi.application.port.in.block.UnblockUserCommand;
import com.pagenow.userapi.application.port.in.block.UnblockUserUseCase;
import com.pagenow.userapi.application.readmodel.BlockedUser;

import java.time.Instant;
import java.util.List;

/** The caller's blocks: {@code /users/me/blocks}. */
public final class BlockRoutes implements Routes {

    private final BlockUserUseCase block;
    private final UnblockUserUseCase unblock;
    private final ListBlockedUsersUseCase list;

    /**
     * The routes over the service implementing their use cases; each route keeps the use case it calls.
     *
     * @param blocks the block service
     * @param <B> the use cases of blocks
     */
    public <B extends BlockUserUseCase & UnblockUserUseCase & ListBlockedUsersUseCase> BlockRoutes(B blocks) {
        this.block = blocks;
        this.unblock = blocks;
        this.list = blocks;
    }

    @Override
    public void register(Router router) {
        router.post("/users/me/blocks", this::block);
        router.delete("/users/me/blocks/{user_id}", this::unblock);
        router.get("/users/me/blocks", this::list);
    }

    private Object block(ApiRequest request) {
        Blockee body = request.body(Blockee.class);
        block.blockUser(BlockUserCommand.of(request.caller(), body.userId()));
        return FriendshipResponses.SUCCESS;
    }

    private Object unblock(ApiRequest request) {
        unblock.unblockUser(UnblockUserCommand.of(request.caller(), request.path("user_id")));
        return FriendshipResponses.SUCCESS;
    }

    private List<Blocked> list(ApiRequest request) {
        return list
                .listBlockedUsers(new ListBlockedUsersQuery(
                        request.caller(), request.page(ListBlockedUsersUseCase.DEFAULT_LIMIT)))
                .stream()
                .map(Blocked::of)
                .toList();
    }

    /** The request body; unknown fields are ignored. */
    record Blockee(String userId) {}

    /** UserSummary's fields, then {@code blocked_at}. */
    record Blocked(@JsonUnwrapped UserResponses.Summary user, Instant blockedAt) {

        static Blocked of(BlockedUser blocked) {
            return new Blocked(UserResponses.Summary.of(blocked.user()), blocked.blockedAt());
        }
    }
}
