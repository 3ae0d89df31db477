package com.pagenow.userapi.adapter.rest;

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

/** The caller's blocks: {@code /users/me/blocks}. */
public final class BlockRoutes implements Routes {

    private final BlockUserUseCase block;
    private final UnblockUserUseCase unblock;
    private final ListBlockedUsersUseCase list;

    /** The routes over the block service; each route takes the use case it needs from it. */
    public <B extends BlockUserUseCase & UnblockUserUseCase & ListBlockedUsersUseCase> BlockRoutes(B blocks) {
        this.block = blocks;
        this.unblock = blocks;
        this.list = blocks;
    }

    @Override
    public void register(Router router) {
        router.post("/users/me/blocks", this::block);
        router.delete("/users/me/blocks/{user_id}", request -> {
            unblock.unblockUser(UnblockUserCommand.of(request.caller(), request.path("user_id")));
            return FriendshipResponses.SUCCESS;
        });
        router.get(
                "/users/me/blocks",
                request -> list
                        .listBlockedUsers(new ListBlockedUsersQuery(
                                request.caller(), request.page(ListBlockedUsersUseCase.DEFAULT_LIMIT)))
                        .stream()
                        .map(Blocked::of)
                        .toList());
    }

    private Object block(ApiRequest request) {
        Blockee body = request.body(Blockee.class);
        block.blockUser(BlockUserCommand.of(request.caller(), body.userId()));
        return FriendshipResponses.SUCCESS;
    }

    /** The request body; unknown fields are ignored. */
    record Blockee(String userId) {}

    /** UserSummary + {@code blocked_at}. */
    record Blocked(
            String userId,
            String firstName,
            String lastName,
            String description,
            Instant profileImageUploadedAt,
            String profileImageExtension,
            Integer friendshipState,
            String friendshipStatus,
            Long mutualFriendCount,
            Instant blockedAt) {

        static Blocked of(BlockedUser blocked) {
            UserResponses.Summary user = UserResponses.Summary.of(blocked.user());
            return new Blocked(
                    user.userId(),
                    user.firstName(),
                    user.lastName(),
                    user.description(),
                    user.profileImageUploadedAt(),
                    user.profileImageExtension(),
                    user.friendshipState(),
                    user.friendshipStatus(),
                    user.mutualFriendCount(),
                    blocked.blockedAt());
        }
    }
}
