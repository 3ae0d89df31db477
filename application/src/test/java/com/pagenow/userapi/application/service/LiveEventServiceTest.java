package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.fake.AdjustableClock;
import com.pagenow.userapi.application.fake.InMemoryLiveEventOutbox;
import com.pagenow.userapi.application.fake.ManualLiveEventSignals;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.event.LiveEventSink;
import com.pagenow.userapi.application.port.in.event.LiveEventSubscription;
import com.pagenow.userapi.application.port.in.event.StreamCapacityException;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsCommand;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsUseCase;
import com.pagenow.userapi.application.port.in.event.TooManyStreamsException;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveEventServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    private final AdjustableClock clock = new AdjustableClock(START);
    private final InMemoryLiveEventOutbox outbox = new InMemoryLiveEventOutbox();
    private final ManualLiveEventSignals signals = new ManualLiveEventSignals();
    private final LiveEventService service =
            new LiveEventService(outbox, signals, clock, LiveEventService.Settings.DEFAULTS.withMaxStreams(8)).start();

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aNewStreamHearsOnlyWhatIsRecordedAfterIt() {
        request(BOB, ALICE);
        RecordingSink sink = open(ALICE, null);
        request(UserId.of("carol"), ALICE);
        signals.recorded(ALICE);

        sink.awaitEvents(1);
        assertThat(sink.events).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(2);
            assertThat(((StreamedEvent.FriendRequest) event).requester()).isEqualTo(UserId.of("carol"));
        });
    }

    @Test
    void lastEventIdReplaysTheMissedEventsInOrderThenLiveOnesEachOnce() {
        IntStream.range(0, 5).forEach(i -> request(UserId.of("u" + i), ALICE));
        RecordingSink sink = open(ALICE, "2");
        sink.awaitEvents(3);

        request(BOB, ALICE);
        signals.recorded(ALICE);
        signals.recorded(ALICE, BOB);
        signals.reconnected();
        sink.awaitEvents(4);
        pause();

        assertThat(sink.ids()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void aReplayLongerThanOneBatchArrivesWhole() {
        IntStream.range(0, LiveEventService.BATCH * 2 + 7).forEach(i -> request(UserId.of("u" + i), ALICE));
        RecordingSink sink = open(ALICE, "0");
        sink.awaitEvents(LiveEventService.BATCH * 2 + 7);
        assertThat(sink.ids()).isSorted().doesNotHaveDuplicates().hasSize(LiveEventService.BATCH * 2 + 7);
    }

    @Test
    void anUnknownOrFutureLastEventIdSendsWhatIsKept() {
        request(BOB, ALICE);
        request(UserId.of("carol"), ALICE);
        RecordingSink garbage = open(ALICE, "not-a-number");
        RecordingSink ahead = open(ALICE, "99");
        garbage.awaitEvents(2);
        ahead.awaitEvents(2);
        assertThat(garbage.ids()).containsExactly(1L, 2L);
        assertThat(ahead.ids()).containsExactly(1L, 2L);
    }

    @Test
    void signalsForOtherUsersWakeNobodyElse() {
        RecordingSink sink = open(ALICE, null);
        request(ALICE, BOB);
        signals.recorded(BOB);
        pause();
        assertThat(sink.events).isEmpty();
    }

    @Test
    void aSixthStreamOfOneUserIsRefusedUntilOneCloses() {
        List<LiveEventSubscription> five = IntStream.range(0, SubscribeToLiveEventsUseCase.STREAMS_PER_USER)
                .mapToObj(i -> service.subscribe(command(ALICE, null)))
                .toList();

        assertThatThrownBy(() -> service.subscribe(command(ALICE, null))).isInstanceOf(TooManyStreamsException.class);
        service.subscribe(command(BOB, null));

        five.get(0).cancel();
        five.get(0).cancel();
        service.subscribe(command(ALICE, null));
        assertThat(service.openStreams()).isEqualTo(6);
    }

    @Test
    void theInstanceRefusesStreamsBeyondItsMaximum() {
        IntStream.range(0, 8).forEach(i -> service.subscribe(command(UserId.of("u" + i), null)));
        assertThatThrownBy(() -> service.subscribe(command(ALICE, null))).isInstanceOf(StreamCapacityException.class);
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        RecordingSink sink = new RecordingSink();
        service.subscribe(new SubscribeToLiveEventsCommand(
                        new Caller(ALICE, null), clock.instant().plusMillis(300), null))
                .start(sink);
        await(() -> sink.closed, Duration.ofSeconds(5));
        assertThat(service.openStreams()).isZero();
    }

    @Test
    void anExpiredTokenOpensNoStreamEvenInsideTheVerifiersClockSkew() {
        assertThatThrownBy(() -> service.subscribe(
                        new SubscribeToLiveEventsCommand(new Caller(ALICE, null), clock.instant(), null)))
                .isInstanceOf(TokenRejectedException.class);
        assertThat(service.openStreams()).isZero();
    }

    @Test
    void aFailedReadIsRetriedAndNothingIsLostOrRepeated() {
        RecordingSink sink = open(ALICE, null);
        sink.awaitStarted(outbox);
        outbox.failNextReads(2);
        request(BOB, ALICE);
        signals.recorded(ALICE);
        sink.awaitEvents(1);
        signals.reconnected();
        pause();
        assertThat(sink.ids()).containsExactly(1L);
    }

    @Test
    void closingEndsEveryStreamAndRefusesNewOnes() {
        RecordingSink sink = open(ALICE, null);
        service.close();
        assertThat(sink.closed).isTrue();
        assertThat(signals.isClosed()).isTrue();
        assertThatThrownBy(() -> service.subscribe(command(BOB, null))).isInstanceOf(StreamCapacityException.class);
    }

    @Test
    void purgeForgetsEventsPastTheRetentionInBatches() {
        LiveEventService small = new LiveEventService(
                outbox,
                new ManualLiveEventSignals(),
                clock,
                new LiveEventService.Settings(10, Duration.ofHours(24), Duration.ofHours(1), 3, Duration.ofSeconds(1)));
        IntStream.range(0, 7).forEach(i -> request(UserId.of("u" + i), ALICE));
        clock.advance(Duration.ofHours(23));
        request(BOB, ALICE);
        clock.advance(Duration.ofHours(2));

        small.purge();

        assertThat(outbox.of(ALICE)).extracting(StreamedEvent::id).containsExactly(8L);
        small.close();
    }

    private void request(UserId requester, UserId addressee) {
        outbox.record(new LiveEvent.FriendRequested(addressee, requester, clock.instant()));
    }

    private RecordingSink open(UserId user, String lastEventId) {
        RecordingSink sink = new RecordingSink();
        service.subscribe(command(user, lastEventId)).start(sink);
        return sink;
    }

    private static SubscribeToLiveEventsCommand command(UserId user, String lastEventId) {
        return SubscribeToLiveEventsCommand.of(new Caller(user, null), null, lastEventId);
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }

    private static final class RecordingSink implements LiveEventSink {
        final List<StreamedEvent> events = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void send(StreamedEvent event) {
            events.add(event);
        }

        @Override
        public void close() {
            closed = true;
        }

        List<Long> ids() {
            return events.stream().map(StreamedEvent::id).toList();
        }

        void awaitEvents(int count) {
            await(() -> events.size() >= count, Duration.ofSeconds(5));
        }

        /** Until the stream has decided where it starts (its first read is done). */
        void awaitStarted(InMemoryLiveEventOutbox outbox) {
            await(() -> outbox.reads() > 0, Duration.ofSeconds(5));
        }
    }
}
