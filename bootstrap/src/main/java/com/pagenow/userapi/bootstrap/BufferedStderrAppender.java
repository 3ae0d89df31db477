package com.pagenow.userapi.bootstrap;

import ch.qos.logback.core.OutputStreamAppender;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * Standard error through a buffer of {@value #BUFFER_BYTES} bytes, for the access log: {@link LoggingConfiguration}
 * puts it behind logstash-logback-encoder's {@code LoggingEventAsyncDisruptorAppender}, which flushes an appender like
 * this one (immediate flush off) at the end of each batch of events, so that under load one {@code write} carries many
 * lines instead of one each. A write of at most 4 KiB ({@code PIPE_BUF}) to a pipe is atomic: the lines other appenders
 * and threads write to standard error are never cut into. Closing it flushes and leaves standard error open.
 */
public final class BufferedStderrAppender<E> extends OutputStreamAppender<E> {

    static final int BUFFER_BYTES = 4096;

    @Override
    public void start() {
        setImmediateFlush(false);
        if (getOutputStream() == null) {
            setOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), BUFFER_BYTES));
        }
        super.start();
    }

    @Override
    protected void closeOutputStream() {
        if (getOutputStream() != null) {
            try {
                getOutputStream().flush();
            } catch (IOException ignored) {
                // Standard error is gone; there is nowhere left to say so.
            }
        }
    }
}
