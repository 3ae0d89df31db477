package com.pagenow.userapi.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Over HTTP, a 401 names the check that failed, and the access log line carries the same name. */
class UnauthorizedReasonIT {

    private static RunningService service;
    private static final List<String> LOGGED = new CopyOnWriteArrayList<>();
    private static final AppenderBase<ILoggingEvent> ACCESS_LOG = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent line) {
            LOGGED.add(line.getFormattedMessage());
        }
    };

    @BeforeAll
    static void start() {
        service = RunningService.start(UnauthorizedReasonIT.class);
        ACCESS_LOG.start();
        ((Logger) LoggerFactory.getLogger("access")).addAppender(ACCESS_LOG);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("access")).detachAppender(ACCESS_LOG);
        service.close();
    }

    @Test
    void anExpiredTokenIsNamedInTheDetailAndTheAccessLog() {
        String expired = service.tokenFor("late")
                .expiresAt(Instant.now().minus(Duration.ofMinutes(10)))
                .signedWith(service.signingKey());

        assertUnauthorized(expired, "Token has expired (JwtExpiredError)", "auth=JwtExpiredError");
    }

    @Test
    void eachFailedCheckHasItsName() {
        assertUnauthorized(
                service.tokenFor("x").issuer("https://elsewhere.example").signedWith(service.signingKey()),
                "(JwtInvalidIssuerError)",
                "auth=JwtInvalidIssuerError");
        assertUnauthorized(
                service.tokenFor("x").audience("other-client").signedWith(service.signingKey()),
                "(JwtInvalidAudienceError)",
                "auth=JwtInvalidAudienceError");
        assertUnauthorized(
                service.tokenFor("x").signedWith(TestTokens.newRsaKey("stranger")),
                "(KidNotFoundInJwksError)",
                "auth=KidNotFoundInJwksError");
        assertUnauthorized("not.a.jwt", "(JwtParseError)", "auth=JwtParseError");
        assertUnauthorized(null, "(NotAuthenticated)", "auth=NotAuthenticated");
    }

    private static void assertUnauthorized(String token, String detail, String logged) {
        LOGGED.clear();
        Response response = service.get("/users/me", token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().get("detail").asText()).endsWith(detail);
        // The line is written once the response has gone out: wait for it a moment.
        List<String> lines = List.of();
        for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline; ) {
            lines = List.copyOf(LOGGED);
            if (lines.stream().anyMatch(line -> line.startsWith("GET /users/me 401"))) {
                break;
            }
            Thread.onSpinWait();
        }
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("GET /users/me 401")
                        .contains("user=-")
                        .endsWith(logged));
        if (token != null) {
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(token));
        }
    }
}
