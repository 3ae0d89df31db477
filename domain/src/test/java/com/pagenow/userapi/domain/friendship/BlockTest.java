package com.pagenow.userapi.domain.friendship;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockTest {

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void aBlockKeepsWhoBlockedWhomAndWhen() {
        Block block = Block.of(ALICE, BOB, NOW);

        assertThat(block.blocker()).isEqualTo(ALICE);
        assertThat(block.blocked()).isEqualTo(BOB);
        assertThat(block.blockedAt()).isEqualTo(NOW);
        assertThat(Block.reconstitute(ALICE, BOB, NOW)).isEqualTo(block);
    }

    @Test
    void nobodyBlocksThemselvesAndTheErrorNamesTheBlockedUser() {
        assertThatThrownBy(() -> Block.of(ALICE, ALICE, NOW)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("blocked");
            assertThat(e).hasMessage("cannot block oneself");
        });
    }

    @Test
    void blockingEndsAnyRelationshipBetweenTheTwoWhoeverAskedAndWhateverItsState() {
        Block block = Block.of(ALICE, BOB, NOW);

        assertThat(block.ends(Friendship.request(ALICE, BOB, NOW))).isTrue();
        assertThat(block.ends(Friendship.request(BOB, ALICE, NOW))).isTrue();
        assertThat(block.ends(Friendship.reconstitute(BOB, ALICE, NOW, NOW))).isTrue();
        assertThat(block.ends(Friendship.request(ALICE, CAROL, NOW))).isFalse();
        assertThat(block.ends(Friendship.request(CAROL, BOB, NOW))).isFalse();
    }

    @Test
    void unblockingWhatOneDoesNotBlockIsNotFound() {
        assertThat(Block.notBlocked()).isInstanceOf(NotFoundException.class).hasMessage("You do not block this user");
    }

    static Stream<Arguments> everyPairOfBlocks() {
        return Stream.of(
                Arguments.of(false, false),
                Arguments.of(true, false),
                Arguments.of(false, true),
                Arguments.of(true, true));
    }

    @ParameterizedTest(name = "alice blocks bob: {0}, bob blocks alice: {1}")
    @MethodSource("everyPairOfBlocks")
    void aBlockEitherWaySeparatesBothSidesAlike(boolean aliceBlocksBob, boolean bobBlocksAlice) {
        BlockStatus seenByAlice = new BlockStatus(aliceBlocksBob, bobBlocksAlice);
        BlockStatus seenByBob = new BlockStatus(bobBlocksAlice, aliceBlocksBob);
        boolean anyBlock = aliceBlocksBob || bobBlocksAlice;

        assertThat(seenByAlice.separates()).isEqualTo(anyBlock);
        assertThat(seenByBob.separates()).isEqualTo(anyBlock);
        for (BlockStatus side : new BlockStatus[] {seenByAlice, seenByBob}) {
            if (anyBlock) {
                assertThatThrownBy(side::checkMayAsk)
                        .isInstanceOf(ForbiddenException.class)
                        .hasMessage("A block between these users forbids this");
            } else {
                assertThatCode(side::checkMayAsk).doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest(name = "alice blocks bob: {0}, bob blocks alice: {1}")
    @MethodSource("everyPairOfBlocks")
    void onlyTheBlockedSideLosesSightOfTheBlockersProfile(boolean aliceBlocksBob, boolean bobBlocksAlice) {
        BlockStatus seenByAlice = new BlockStatus(aliceBlocksBob, bobBlocksAlice);
        BlockStatus seenByBob = new BlockStatus(bobBlocksAlice, aliceBlocksBob);

        assertThat(seenByAlice.maySeeProfile()).as("alice sees bob").isEqualTo(!bobBlocksAlice);
        assertThat(seenByBob.maySeeProfile()).as("bob sees alice").isEqualTo(!aliceBlocksBob);
    }

    @Test
    void noBlockIsTheDefault() {
        assertThat(BlockStatus.NONE.separates()).isFalse();
        assertThat(BlockStatus.NONE.maySeeProfile()).isTrue();
    }

    @Test
    void nullPartsAreRejected() {
        assertThatThrownBy(() -> Block.of(null, BOB, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Block.of(ALICE, null, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Block.of(ALICE, BOB, null)).isInstanceOf(NullPointerException.class);
    }
}
