package com.pagenow.userapi.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own logging ({@link LoggingConfiguration}), set up in a fresh logger context with {@code LOG_FORMAT}
 * and {@code LOG_LEVEL} set as in the image.
 */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream realStderr;
    private LoggerContext context;

    @BeforeEach
    void captureStandardError() {
        realStderr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        if (context != null) {
            context.stop();
        }
        System.setErr(realStderr);
        MDC.clear();
    }

    @Test
    void jsonFormatWritesOneObjectPerLineWithLevelLoggerMessageRequestIdAndUserId() throws Exception {
        Logger log = configured("json").getLogger("access");
        MDC.put("request_id", "req-1");
        MDC.put("user_id", "alice");
        log.info("GET /users/me 200 1.0ms user=alice");
        MDC.clear();
        log.warn("second line, no request");

        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("logger").asText()).isEqualTo("access");
        assertThat(first.get("message").asText()).isEqualTo("GET /users/me 200 1.0ms user=alice");
        assertThat(first.get("request_id").asText()).isEqualTo("req-1");
        assertThat(first.get("user_id").asText()).isEqualTo("alice");
        assertThat(first.get("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(first.has("level_value")).isFalse();
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("level").asText()).isEqualTo("WARN");
        assertThat(second.has("request_id")).isFalse();
    }

    @Test
    void jsonFormatKeepsAFailureWithItsStackTraceOnOneLine() throws Exception {
        Logger log = configured("json").getLogger("com.pagenow.userapi.adapter.rest.http.ErrorMapper");
        MDC.put("request_id", "req-500");
        log.error("Unexpected failure, correlation id {}", "req-500", new IllegalStateException("boom\nsecond"));

        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("message").asText()).isEqualTo("Unexpected failure, correlation id req-500");
        assertThat(line.get("stack_trace").asText()).contains("IllegalStateException: boom");
        assertThat(line.get("request_id").asText()).isEqualTo("req-500");
    }

    @Test
    void textFormatIsTheDefaultAndNotJson() throws Exception {
        configured(Map.of()).getLogger("access").info("plain line");

        assertThat(lines()).singleElement().asString().matches("\\d{4}-.*INFO  \\[.*] access - plain line");
    }

    @Test
    void anUnknownFormatSaysSoAndLogsText() throws Exception {
        configured("yaml").getLogger("access").info("still logged");

        assertThat(lines())
                .containsExactly("user-api: LOG_FORMAT must be text or json, got 'yaml'; logging text", lines().get(1));
        assertThat(lines().get(1)).endsWith("access - still logged");
    }

    @Test
    void theLevelComesFromLogLevelAndTheAccessLogOnlyGoesToItsOwnAppender() throws Exception {
        LoggerContext warnOnly = configured(Map.of("LOG_LEVEL", "warn"));
        assertThat(warnOnly.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(Level.WARN);
        assertThat(warnOnly.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
        assertThat(warnOnly.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.INFO);
        assertThat(warnOnly.getLogger("access").isAdditive()).isFalse();
        warnOnly.getLogger("com.pagenow.userapi.Anything").info("not shown at WARN");
        warnOnly.getLogger("com.pagenow.userapi.Anything").warn("shown");

        assertThat(lines()).singleElement().asString().endsWith("Anything - shown");
    }

    @Test
    void anUnknownLevelSaysSoAndLogsInfo() {
        assertThat(LoggingConfiguration.rootLevel(null)).isEqualTo(Level.INFO);
        assertThat(LoggingConfiguration.rootLevel(" debug ")).isEqualTo(Level.DEBUG);
        assertThat(LoggingConfiguration.rootLevel("loud")).isEqualTo(Level.INFO);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("user-api: LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got 'loud'");
    }

    @Test
    void anOperatorsOwnLogbackFileReplacesIt() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/user-api/logback.xml");
        try {
            LoggerContext untouched = new LoggerContext();
            LoggingConfiguration configuration = new LoggingConfiguration(name -> null);
            configuration.setContext(untouched);

            assertThat(configuration.configure(untouched)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(untouched.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
                    .isExhausted();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    private LoggerContext configured(String format) throws Exception {
        return configured(Map.of("LOG_FORMAT", format));
    }

    @SuppressWarnings("unchecked")
    private LoggerContext configured(Map<String, String> environment) throws Exception {
        context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one org.slf4j.MDC writes to
        LoggingConfiguration configuration = new LoggingConfiguration(environment::get);
        configuration.setContext(context);
        assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        // Logback holds on to the System.err of its first start: point the configured appender at our buffer.
        var console = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(console.getTarget()).isEqualTo("System.err");
        console.setOutputStream(stderr);
        var access = (ch.qos.logback.core.OutputStreamAppender<ILoggingEvent>)
                ((ch.qos.logback.core.spi.AppenderAttachable<ILoggingEvent>)
                                context.getLogger("access").getAppender("ACCESS_ASYNC"))
                        .getAppender("ACCESS_STDERR");
        assertThat(access).isInstanceOf(BufferedStderrAppender.class);
        access.setOutputStream(stderr);
        assertThat(new ch.qos.logback.core.status.StatusUtil(context).getHighestLevel(0))
                .as("configured without errors: %s", context.getStatusManager().getCopyOfStatusList())
                .isLessThan(ch.qos.logback.core.status.Status.WARN);
        return context;
    }

    /** What was written, once the access log's background thread has written out what it was given. */
    private List<String> lines() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        int written = -1;
        while (System.nanoTime() < deadline && (written != stderr.size() || written == 0)) {
            written = stderr.size();
            Thread.sleep(50);
        }
        return stderr.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
