package com.pagenow.userapi.adapter.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quick reads run on the IO thread that parsed them, over real HTTP, until one is slow; other routes, and every
 * route when that is switched off, run on worker threads; and a quick read still waits for its turn.
 */
class QuickReadsTest {

    private static final String IO_THREAD = " I/O-";
    private static final String WORKER_THREAD = " task-";

    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private volatile long quickReadSleepMillis;
    private SignedInTestServer server;

    @AfterEach
    void stop() {
        slowRelease.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aQuickReadRunsOnAnIoThreadAndAnyOtherReadOnAWorker() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0));

        assertThat(get("/quick").body()).contains(IO_THREAD);
        assertThat(get("/plain").body()).contains(WORKER_THREAD);
    }

    @Test
    void afterASlowQuickReadTheyRunOnWorkers() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0));
        quickReadSleepMillis = 120;
        assertThat(get("/quick").body()).as("the slow one itself").contains(IO_THREAD);
        quickReadSleepMillis = 0;

        for (int i = 0; i < 5; i++) {
            assertThat(get("/quick").body()).contains(WORKER_THREAD);
        }
    }

    @Test
    void switchedOffEveryReadRunsOnAWorker() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0).withQuickReadsOnIoThreads(false));

        assertThat(get("/quick").body()).contains(WORKER_THREAD);
    }

    @Test
    void aQuickReadWaitsForItsTurn() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0)
                .withMaxConcurrentRequests(1)
                .withMaxQueuedRequests(1));
        CompletableFuture<HttpResponse<String>> running = getAsync("/slow");
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<HttpResponse<String>> quick = getAsync("/quick");
        Thread.sleep(300);
        assertThat(quick).as("answered while the only turn was taken").isNotDone();
        slowRelease.countDown();

        assertThat(quick.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(running.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private void start(RestSettings settings) {
        Routes routes = router -> router.quickGet("/quick", request -> {
                    Thread.sleep(quickReadSleepMillis);
                    return Thread.currentThread().getName();
                })
                .get("/plain", request -> Thread.currentThread().getName())
                .get("/slow", request -> {
                    slowStarted.countDown();
                    slowRelease.await(10, TimeUnit.SECONDS);
                    return "done";
                });
        server = new SignedInTestServer(settings, routes);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return server.getAsync(path);
    }
}
