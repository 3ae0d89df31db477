package com.pagenow.userapi.adapter.rest.http.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Quick reads stay on the IO threads while they are fast, and leave them for a while after one that was not. */
class IoThreadReadsTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final IoThreadReads reads = new IoThreadReads(true, Duration.ofMillis(50), Duration.ofSeconds(5), now::get);

    @Test
    void fastReadsStayOnTheIoThreads() {
        reads.completed(2 * MS, 200);
        reads.completed(50 * MS, 404);
        reads.completed(1 * MS, 401);

        assertThat(reads.onIoThread()).isTrue();
    }

    @Test
    void aSlowReadSendsThemToTheWorkers() {
        reads.completed(51 * MS, 200);

        assertThat(reads.onIoThread()).isFalse();
    }

    @Test
    void aServerErrorSendsThemToTheWorkersHoweverFast() {
        reads.completed(1 * MS, 503);

        assertThat(reads.onIoThread()).isFalse();
    }

    @Test
    void theyComeBackWithTheFirstFastReadAfterTheHold() {
        reads.completed(2_000 * MS, 503);

        now.addAndGet(4_999 * MS);
        reads.completed(1 * MS, 200);
        assertThat(reads.onIoThread()).as("within the hold").isFalse();

        now.addAndGet(1 * MS);
        assertThat(reads.onIoThread())
                .as("the hold over, but no fast read seen since")
                .isFalse();
        reads.completed(1 * MS, 200);
        assertThat(reads.onIoThread()).isTrue();
    }

    @Test
    void aSlowReadDuringTheHoldStartsItAgain() {
        reads.completed(1 * MS, 503);
        now.addAndGet(4_000 * MS);
        reads.completed(60 * MS, 200);

        now.addAndGet(4_000 * MS);
        reads.completed(1 * MS, 200);
        assertThat(reads.onIoThread())
                .as("5 s after the first slow one, 4 s after the last")
                .isFalse();

        now.addAndGet(1_000 * MS);
        reads.completed(1 * MS, 200);
        assertThat(reads.onIoThread()).isTrue();
    }

    @Test
    void whenDisabledTheyNeverRunOnTheIoThreads() {
        IoThreadReads off = new IoThreadReads(false, Duration.ofMillis(50), Duration.ofSeconds(5), now::get);
        assertThat(off.onIoThread()).isFalse();

        now.addAndGet(10_000 * MS);
        off.completed(1 * MS, 200);
        assertThat(off.onIoThread()).isFalse();
    }
}
