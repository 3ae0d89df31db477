package com.pagenow.userapi.adapter.rest.http.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.conduits.ConduitStreamSinkChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * An HTTP/1.1 listener set up the way {@code io.undertow.Undertow.start()} of 2.3.27 sets up one (its worker, socket
 * and buffer settings, kept here one for one, but for the number of IO threads, which the caller chooses). It is
 * owned rather than built with {@code Undertow.builder()} for one reason: Undertow answers a request it cannot parse
 * with a fixed empty {@code 400}, and only the connection's output can change that
 * ({@link ParseFailureProblemConduit}); {@code Undertow} does not let anything wrap a connection.
 */
public final class HttpListener {

    private final XnioWorker worker;
    private final AcceptingChannel<StreamConnection> channel;
    private boolean stopped;

    private HttpListener(XnioWorker worker, AcceptingChannel<StreamConnection> channel) {
        this.worker = worker;
        this.channel = channel;
    }

    /**
     * Listens on {@code host:port} with {@code ioThreads} IO threads and {@code workerThreads} task threads,
     * {@code serverOptions} over Undertow's defaults, and counts the requests that could not be parsed in
     * {@code meters}.
     */
    public static HttpListener start(
            String host,
            int port,
            int ioThreads,
            int workerThreads,
            OptionMap serverOptions,
            HttpHandler root,
            MeterRegistry meters) {
        // Undertow.Builder's defaults: buffers by the heap the JVM may use.
        long maxMemory = Runtime.getRuntime().maxMemory();
        boolean directBuffers = maxMemory >= 64 * 1024 * 1024;
        int bufferSize = maxMemory < 64 * 1024 * 1024 ? 512 : maxMemory < 128 * 1024 * 1024 ? 1024 : 16364;
        Counter parseFailures = Counter.builder("http.server.parse.failures")
                .description("Requests Undertow could not parse, answered 400 before any handler")
                .register(meters);

        XnioWorker worker = worker(ioThreads, workerThreads);
        try {
            OptionMap socketOptions = OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.REUSE_ADDRESSES, true)
                    .set(Options.BALANCING_TOKENS, 1)
                    .set(Options.BALANCING_CONNECTIONS, 2)
                    .set(Options.BACKLOG, 1000)
                    .getMap();
            OptionMap undertowOptions = OptionMap.builder()
                    .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                    .set(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                    .addAll(serverOptions)
                    .getMap();
            HttpOpenListener http =
                    new HttpOpenListener(new DefaultByteBufferPool(directBuffers, bufferSize, -1, 4), undertowOptions);
            http.setRootHandler(root);
            ChannelListener<StreamConnection> opened = connection -> {
                // Before Undertow's own conduits, which it builds over whatever the connection has when it opens.
                ConduitStreamSinkChannel sink = connection.getSinkChannel();
                sink.setConduit(new ParseFailureProblemConduit(sink.getConduit(), parseFailures));
                http.handleEvent(connection);
            };
            AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(
                    new InetSocketAddress(Inet4Address.getByName(host), port),
                    ChannelListeners.openListenerAdapter(opened),
                    socketOptions);
            channel.resumeAccepts();
            return new HttpListener(worker, channel);
        } catch (IOException failed) {
            worker.shutdownNow();
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, failed);
        } catch (RuntimeException failed) {
            worker.shutdownNow();
            throw failed;
        }
    }

    private static XnioWorker worker(int ioThreads, int workerThreads) {
        try {
            return Xnio.getInstance(Undertow.class.getClassLoader())
                    .createWorker(OptionMap.builder()
                            .set(Options.WORKER_IO_THREADS, ioThreads)
                            .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                            .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                            .set(Options.WORKER_TASK_CORE_THREADS, workerThreads)
                            .set(Options.WORKER_TASK_MAX_THREADS, workerThreads)
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.CORK, true)
                            .getMap());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /**
     * Stops accepting and waits for the worker to finish, as {@code Undertow.stop()} does; a second call does
     * nothing (closing the channel again would wait for good on the stopped worker's IO threads).
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        IoUtils.safeClose(channel);
        worker.shutdown();
        try {
            worker.awaitTermination();
        } catch (InterruptedException interrupted) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
