package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.fake.AdjustableClock;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryBlockRepository;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.block.BlockUserCommand;
import com.pagenow.userapi.application.port.in.block.ListBlockedUsersQuery;
import com.pagenow.userapi.application.port.in.block.UnblockUserCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(START);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryBlockRepository blocks = new InMemoryBlockRepository(users);
    private final InMemoryFriendshipRepository friendships =
            new InMemoryFriendshipRepository(users, transactions, blocks);
    private final BlockService service = new BlockService(users, friendships, blocks, transactions, clock);
    private final FriendshipService requests = new FriendshipService(users, friendships, blocks, transactions, clock);

    @BeforeEach
    void registerUsers() {
        users.insert(aUser("alice").withName("Alice", "Kim").build());
        users.insert(aUser("bob").withName("Bob", "Lee").build());
        users.insert(aUser("carol").withName("Carol", "Park").build());
    }

    @Test
    void blockingStoresTheBlockAndEndsTheFriendshipInOneTransaction() {
        transactions.inTransaction(
                () -> friendships.insert(Friendship.reconstitute(id("bob"), id("alice"), START, START)));
        int before = transactions.started();
        int locks = blocks.pairLocks();

        service.blockUser(BlockUserCommand.of(caller("alice"), "bob"));

        assertThat(blocks.all()).containsExactly(Block.of(id("alice"), id("bob"), START));
        assertThat(friendships.all()).isEmpty();
        assertThat(transactions.started()).isEqualTo(before + 1);
        assertThat(blocks.pairLocks()).isEqualTo(locks + 1);
    }

    @Test
    void blockingEndsAPendingRequestWhoeverSentIt() {
        requests.sendFriendRequest(SendFriendRequestCommand.of(caller("alice"), "bob"));
        requests.sendFriendRequest(SendFriendRequestCommand.of(caller("carol"), "alice"));

        service.blockUser(BlockUserCommand.of(caller("bob"), "alice"));
        service.blockUser(BlockUserCommand.of(caller("alice"), "carol"));

        assertThat(friendships.all()).isEmpty();
    }

    @Test
    void blockingLeavesOtherRelationshipsAlone() {
        requests.sendFriendRequest(SendFriendRequestCommand.of(caller("bob"), "carol"));

        service.blockUser(BlockUserCommand.of(caller("alice"), "bob"));

        assertThat(friendships.all()).hasSize(1);
    }

    @Test
    void blockingAgainKeepsTheFirstBlock() {
        service.blockUser(BlockUserCommand.of(caller("alice"), "bob"));
        clock.advance(Duration.ofHours(1));

        service.blockUser(BlockUserCommand.of(caller("alice"), "bob"));

        assertThat(blocks.all()).extracting(Block::blockedAt).containsExactly(START);
    }

    @Test
    void blockingOneselfIsInvalidAndAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> BlockUserCommand.of(caller("alice"), "alice"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("blocked"));
        assertThatThrownBy(() -> BlockUserCommand.of(caller("alice"), " "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user_id"));
        assertThatThrownBy(() -> service.blockUser(BlockUserCommand.of(caller("alice"), "nobody")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("User not found");
        assertThatThrownBy(() -> service.blockUser(BlockUserCommand.of(caller("ghost"), "alice")))
                .isInstanceOf(NotFoundException.class);
        assertThat(blocks.all()).isEmpty();
    }

    @Test
    void aFriendRequestEitherWayIsRefusedWhileABlockStandsAndToTheBlockedUserTheBlockerIsUnknown() {
        service.blockUser(BlockUserCommand.of(caller("alice"), "bob"));

        assertThatThrownBy(() -> requests.sendFriendRequest(SendFriendRequestCommand.of(caller("bob"), "alice")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("User not found");
        assertThatThrownBy(() -> service.blockUser(BlockUserCommand.of(caller("bob"), "alice")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("User not found");
        assertThatThrownBy(() -> requests.sendFriendRequest(SendFriendRequestCommand.of(caller("alice"), "bob")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(friendships.all()).isEmpty();
    }

    @Test
    void onlyTheBlockerUnblocks() {
        service.blockUser(BlockUserCommand.of(caller("alice"), "bob"));

        assertThatThrownBy(() -> service.unblockUser(UnblockUserCommand.of(caller("bob"), "alice")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("You do not block this user");
        service.unblockUser(UnblockUserCommand.of(caller("alice"), "bob"));

        assertThat(blocks.all()).isEmpty();
        requests.sendFriendRequest(SendFriendRequestCommand.of(caller("bob"), "alice"));
        assertThat(friendships.all()).hasSize(1);
    }

    @Test
    void theListIsNewestFirstAndItsLimitIsClampedToAHundred() {
        service.blockUser(BlockUserCommand.of(caller("alice"), "bob"));
        clock.advance(Duration.ofMinutes(1));
        service.blockUser(BlockUserCommand.of(caller("alice"), "carol"));

        assertThat(service.listBlockedUsers(new ListBlockedUsersQuery(caller("alice"), PageRequest.of(15, 0))))
                .extracting(blocked -> blocked.user().id().value())
                .containsExactly("carol", "bob");
        assertThat(service.listBlockedUsers(new ListBlockedUsersQuery(caller("alice"), PageRequest.of(0, 0))))
                .isEmpty();
        assertThat(new ListBlockedUsersQuery(caller("alice"), PageRequest.of(1000, 0))
                        .page()
                        .limit())
                .isEqualTo(100);
        assertThat(service.listBlockedUsers(new ListBlockedUsersQuery(caller("alice"), PageRequest.of(15, 1))))
                .extracting(BlockedUser::blockedAt)
                .containsExactly(START);
    }

    private static Caller caller(String id) {
        return new Caller(UserId.of(id), Email.of(id + "@example.com"));
    }

    private static UserId id(String value) {
        return UserId.of(value);
    }
}
