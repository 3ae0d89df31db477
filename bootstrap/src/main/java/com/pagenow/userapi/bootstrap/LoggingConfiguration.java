package com.pagenow.userapi.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.Duration;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The service's logging, set up in code when Logback starts (found through {@code META-INF/services}): reading the
 * same setup from a {@code logback.xml} took Logback's XML machinery about a quarter of a second of every start on
 * 2 cores, a tenth of the whole (docs/benchmarks.md, issue 14). A file named by {@code -Dlogback.configurationFile}
 * replaces it, as it would replace a {@code logback.xml}.
 * <ul>
 * <li>Every line goes to standard error: standard output carries only what a command answers (the token).</li>
 * <li>{@code LOG_FORMAT}: {@code text} (the default) or {@code json} (the image's), see {@link LogFormatEncoder}.</li>
 * <li>{@code LOG_LEVEL}: the root level, {@code INFO} by default.</li>
 * <li>The access log (logger {@code access}, a line per request) is written by one background thread, in batches:
 * written in line, it cost the request threads a synchronous console write each, and behind Logback's
 * {@code AsyncAppender} still one write and one thread wake-up per line (docs/benchmarks.md, issue 14). The
 * disruptor's thread looks for lines every millisecond (no wake-up per line) and writes each batch at once through
 * {@link BufferedStderrAppender}. The ring is bounded; when it is full, requests wait for it rather than lose lines.
 * </li>
 * <li>At exit the context is stopped, so that the access lines still queued are written.</li>
 * </ul>
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LoggingConfiguration extends ContextAwareBase implements Configurator {

    static final String LINE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{20} - %msg%n";
    static final String CONSOLE = "CONSOLE";
    static final String ACCESS_ASYNC = "ACCESS_ASYNC";
    static final String ACCESS_STDERR = "ACCESS_STDERR";
    static final int ACCESS_RING_SIZE = 8192;
    /** Libraries whose INFO lines say nothing an operator needs. */
    private static final Map<String, Level> QUIET = Map.of(
            "org.jooq", Level.WARN,
            "org.flywaydb.core.internal.sqlscript", Level.WARN,
            "org.jboss.threads", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "io.undertow", Level.WARN,
            "org.xnio", Level.WARN,
            "org.hibernate.validator", Level.WARN);

    private final UnaryOperator<String> environment;

    /** As Logback finds it: from the process environment. */
    public LoggingConfiguration() {
        this(System::getenv);
    }

    LoggingConfiguration(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the operator's own file, read by Logback's next configurator
        }
        context.getStatusManager().add(new NopStatusListener());
        String format = environment.apply("LOG_FORMAT");

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName(CONSOLE);
        console.setTarget("System.err");
        started(context, console, format);

        BufferedStderrAppender accessStderr = new BufferedStderrAppender();
        accessStderr.setName(ACCESS_STDERR);
        started(context, accessStderr, format);
        LoggingEventAsyncDisruptorAppender access = new LoggingEventAsyncDisruptorAppender();
        access.setName(ACCESS_ASYNC);
        access.setContext(context);
        access.setRingBufferSize(ACCESS_RING_SIZE);
        access.setWaitStrategyType("sleeping{0,1000000}");
        access.setAppendTimeout(Duration.buildByMilliseconds(-1)); // wait for room rather than drop a line
        access.addAppender(accessStderr);
        access.start();

        Logger accessLogger = context.getLogger("access");
        accessLogger.setAdditive(false);
        accessLogger.addAppender(access);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.getLogger("org.flywaydb").setLevel(Level.INFO);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel(environment.apply("LOG_LEVEL")));
        root.addAppender(console);

        DefaultShutdownHook hook = new DefaultShutdownHook();
        hook.setContext(context);
        Thread hookThread = new Thread(hook, "Logback shutdown hook [" + context.getName() + "]");
        context.putObject(CoreConstants.SHUTDOWN_HOOK_THREAD, hookThread);
        Runtime.getRuntime().addShutdownHook(hookThread);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code LOG_LEVEL}, {@code INFO} when unset; an unknown level says so where the operator looks. */
    static Level rootLevel(String value) {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        Level level = Level.toLevel(value.strip().toUpperCase(Locale.ROOT), null);
        if (level == null) {
            System.err.println("user-api: LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '" + value
                    + "'; logging INFO");
            return Level.INFO;
        }
        return level;
    }

    private static void started(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String format) {
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setContext(context);
        encoder.setFormat(format); // unset: text (LogFormatEncoder)
        encoder.setPattern(LINE_PATTERN);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
    }
}
