package com.pagenow.userapi.bootstrap;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;

import java.util.Locale;

/**
 * The encoder of every appender of {@link LoggingConfiguration}, chosen by {@code LOG_FORMAT}: {@code text}
 * (default) is the pattern, {@code json} is one JSON object per line from logstash-logback-encoder, for CloudWatch:
 * {@code @timestamp}, {@code level}, {@code logger}, {@code thread}, {@code message}, the MDC ({@code request_id},
 * {@code user_id}) and, for a failure, {@code stack_trace} (the line's newlines escaped, so one event stays one
 * line).
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

    private static final String IGNORE = "[ignore]";
    private static final String WARNED = LogFormatEncoder.class.getName() + ".warned";

    private String format = "text";
    private String pattern = "%d %-5level [%thread] %logger - %msg%n";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        String chosen = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
        if (chosen.equals("json")) {
            LogstashEncoder json = new LogstashEncoder();
            LogstashFieldNames names = json.getFieldNames();
            names.setLogger("logger");
            names.setThread("thread");
            names.setLevelValue(IGNORE);
            names.setVersion(IGNORE);
            json.setContext(getContext());
            delegate = json;
        } else {
            // Logback's own status messages are silenced (LoggingConfiguration): say it where the operator looks, once
            // for all the encoders of the configuration.
            if (!chosen.equals("text") && getContext().getObject(WARNED) == null) {
                getContext().putObject(WARNED, Boolean.TRUE);
                System.err.println("user-api: LOG_FORMAT must be text or json, got '" + format + "'; logging text");
            }
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setContext(getContext());
            delegate = text;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
