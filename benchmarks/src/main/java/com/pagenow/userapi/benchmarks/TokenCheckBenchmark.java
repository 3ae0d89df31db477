package com.pagenow.userapi.benchmarks;

import com.pagenow.userapi.adapter.auth.LocalSigningKey;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.service.AuthenticationService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Authenticating a request whose token was verified before: the path of nearly every request, since a client sends
 * the same token with each. A fresh copy of the header's token string per call, as each request brings its own.
 */
public class TokenCheckBenchmark extends AverageTimeBenchmark {

    private AuthenticationService authentication;
    private String token;

    @Setup
    public void setUp() throws IOException {
        Path home = Files.createTempDirectory("user-api-jmh");
        LocalSigningKey key = LocalSigningKey.loadOrCreate(home);
        token = key.mintToken("u0012345", "amy.white.12345@example.com", Duration.ofDays(1));
        authentication = new AuthenticationService(key.verifier());
        authentication.authenticate(token); // verified once: the cache holds it from here on
    }

    @Benchmark
    public Caller cacheHit() {
        return authentication.authenticate(new String(token));
    }
}
