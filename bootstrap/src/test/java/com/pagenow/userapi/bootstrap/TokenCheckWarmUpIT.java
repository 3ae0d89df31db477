package com.pagenow.userapi.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A production start compiles the token check's code on a built-in token before it listens (benchmarks-startup). */
class TokenCheckWarmUpIT {

    @Test
    void aStartChecksTheBuiltInTokenBeforeItListens() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        try (RunningService ignored = RunningService.start(TokenCheckWarmUpIT.class)) {
            List<ILoggingEvent> events;
            synchronized (logged) { // the appender's lock: the service's threads may still be logging
                events = List.copyOf(logged.list);
            }
            List<String> messages =
                    events.stream().map(ILoggingEvent::getFormattedMessage).toList();
            int warmedUp = firstStartingWith(
                    messages, "Token check warmed up: " + Production.TOKEN_CHECKS_AT_START + " checks");
            int listening = firstStartingWith(messages, "Listening on");

            assertThat(warmedUp).as("the warm-up's line in %s", messages).isNotNegative();
            assertThat(warmedUp).as("warmed up before listening").isLessThan(listening);
        } finally {
            root.detachAppender(logged);
        }
    }

    private static int firstStartingWith(List<String> messages, String start) {
        for (int at = 0; at < messages.size(); at++) {
            if (messages.get(at).startsWith(start)) {
                return at;
            }
        }
        return -1;
    }
}
