package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.LiveEventSignals;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresLiveEventOutboxIT extends LiveEventOutboxContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.postgres();

    private final BlockingQueue<Set<UserId>> signalled = new LinkedBlockingQueue<>();
    private final AtomicInteger missed = new AtomicInteger();
    private LiveEventSignals signals;

    @Override
    protected Persistence persistence() {
        return db.persistence();
    }

    @BeforeEach
    void listen() throws InterruptedException {
        signalled.clear();
        missed.set(0);
        signals = new PostgresLiveEventSignals(db.database().settings());
        signals.start(new LiveEventSignals.Listener() {
            @Override
            public void recorded(Set<UserId> recipients) {
                signalled.add(recipients);
            }

            @Override
            public void mayHaveMissed() {
                missed.incrementAndGet();
            }
        });
        awaitMissed(1);
    }

    @AfterEach
    void stopListening() {
        signals.close();
    }

    @Test
    void recipientsAreSignalledWhenTheTransactionCommitsAndNotBefore() throws Exception {
        UserId ann = newId("ann");
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> writer =
                CompletableFuture.runAsync(() -> persistence().transactions().inTransaction(() -> {
                    persistence().liveEventOutbox().record(new LiveEvent.FriendRequested(ann, newId("asker"), T0));
                    recorded.countDown();
                    await(commit);
                }));
        assertThat(recorded.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(signalledWithin(ann, 300)).as("nothing before the commit").isFalse();

        commit.countDown();
        writer.get(5, TimeUnit.SECONDS);
        assertThat(signalledWithin(ann, 1_000)).isTrue();
    }

    @Test
    void aRolledBackTransactionSignalsNobody() throws InterruptedException {
        UserId ann = newId("ann");
        assertThatThrownBy(() -> persistence().transactions().inTransaction(() -> {
                    persistence().liveEventOutbox().record(new LiveEvent.FriendRequested(ann, newId("asker"), T0));
                    throw new IllegalStateException("fails after recording");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(signalledWithin(ann, 500)).isFalse();
    }

    @Test
    void aShareToManyFriendsSignalsEachOfThemDespiteThePayloadLimit() throws InterruptedException {
        Set<UserId> friends = new java.util.HashSet<>();
        for (int i = 0; i < 600; i++) {
            friends.add(UserId.of("friend-with-a-long-name-" + i + "-" + "x".repeat(20)));
        }
        persistence()
                .transactions()
                .inTransaction(() -> persistence()
                        .liveEventOutbox()
                        .record(new LiveEvent.Shared(
                                com.pagenow.userapi.domain.notification.ShareEventId.of(java.util.UUID.randomUUID()),
                                newId("sender"),
                                T0,
                                friends)));
        Set<UserId> heard = new java.util.HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (heard.size() < friends.size() && System.nanoTime() < deadline) {
            Set<UserId> batch = signalled.poll(200, TimeUnit.MILLISECONDS);
            if (batch != null) {
                batch.stream().filter(friends::contains).forEach(heard::add);
            }
        }
        assertThat(heard).isEqualTo(friends);
    }

    @Test
    void theListenerReconnectsAfterLosingItsConnectionAndSaysItMayHaveMissedSignals() throws Exception {
        int before = missed.get();
        db.database()
                .execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = 'user-api live events' AND datname = current_database()");
        awaitMissed(before + 1);

        UserId ann = newId("ann");
        persistence()
                .transactions()
                .inTransaction(() ->
                        persistence().liveEventOutbox().record(new LiveEvent.FriendRequested(ann, newId("asker"), T0)));
        assertThat(signalledWithin(ann, 2_000)).as("listening again").isTrue();
    }

    @Test
    void aSecondWriterForTheSameRecipientWaitsSoIdsCommitInOrder() throws Exception {
        UserId ann = newId("ann");
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch firstCommit = new CountDownLatch(1);
        CompletableFuture<Void> first =
                CompletableFuture.runAsync(() -> persistence().transactions().inTransaction(() -> {
                    persistence().liveEventOutbox().record(new LiveEvent.FriendRequested(ann, newId("one"), T0));
                    firstRecorded.countDown();
                    await(firstCommit);
                }));
        assertThat(firstRecorded.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> persistence()
                .transactions()
                .inTransaction(() ->
                        persistence().liveEventOutbox().record(new LiveEvent.FriendRequested(ann, newId("two"), T0))));

        Thread.sleep(300);
        assertThat(second).as("waits for the first writer's counter row").isNotDone();
        assertThat(persistence().liveEventFeed().after(ann, 0, 10)).isEmpty();

        firstCommit.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(persistence().liveEventFeed().after(ann, 0, 10))
                .extracting(StreamedEvent::id)
                .containsExactly(1L, 2L);
    }

    private boolean signalledWithin(UserId recipient, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            Set<UserId> batch =
                    signalled.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (batch != null && batch.contains(recipient)) {
                return true;
            }
        }
        return false;
    }

    private void awaitMissed(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (missed.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the listener did not (re)connect");
            }
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
