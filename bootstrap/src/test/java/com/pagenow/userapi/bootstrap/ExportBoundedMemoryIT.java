package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export is streamed: a user with 100,000 shares (about 100 MB of JSON) is exported by a service whose heap is
 * 64 MB, in a JVM of its own, and the download is complete, valid JSON.
 */
class ExportBoundedMemoryIT {

    private static final int SHARES = 100_000;
    private static final String HEAP = "64m";

    @Test
    void aHundredThousandSharesAreExportedUnderAHeapFarSmallerThanTheExport() throws Exception {
        RSAKey key = TestTokens.newRsaKey("export-key");
        try (TestDatabase database = TestDatabase.postgres(ExportBoundedMemoryIT.class);
                JwksServer jwks = JwksServer.start(key)) {
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", database.jdbcUrl());
            env.put("RDS_USERNAME", database.username() == null ? "postgres" : database.username());
            env.put("COGNITO_REGION", RunningService.REGION);
            env.put("COGNITO_POOL_ID", RunningService.POOL_ID);
            env.put("COGNITO_JWKS_URL", jwks.url().toString());
            env.put("PROFILE_IMAGE_BUCKET_NAME", "user-api-test-images");
            env.put("AWS_REGION_NAME", RunningService.REGION);
            env.put("PATH", System.getenv("PATH"));
            try (ServiceProcess service =
                    ServiceProcess.start("export-bounded-memory", env, HEAP).awaitListening(Duration.ofSeconds(90))) {
                String token = TestTokens.idToken("mem-ann")
                        .issuer(RunningService.ISSUER)
                        .email("mem-ann@example.com")
                        .signedWith(key);
                HttpClient http = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + service.port());
                assertThat(http.send(
                                        HttpRequest.newBuilder(base.resolve("/users/me"))
                                                .header("Authorization", "Bearer " + token)
                                                .POST(HttpRequest.BodyPublishers.ofString(
                                                        "{\"first_name\":\"Mem\",\"last_name\":\"Ann\"}"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
                database.execute("INSERT INTO share_notification_table (user_id, url, title, sent_at)"
                        + " SELECT 'mem-ann', 'https://example.com/' || repeat('p', 480) || g, repeat('t', 500),"
                        + " timestamp '2026-01-01' + g * interval '1 second' FROM generate_series(1, " + SHARES
                        + ") g");

                HttpResponse<InputStream> export = http.send(
                        HttpRequest.newBuilder(base.resolve("/users/me/export"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofMinutes(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());

                assertThat(export.statusCode()).isEqualTo(200);
                long[] bytesAndShares = countShares(export.body());
                assertThat(bytesAndShares[1]).isEqualTo(SHARES);
                assertThat(bytesAndShares[0])
                        .as("the export is larger than the heap")
                        .isGreaterThan(64L * 1024 * 1024);
            }
        }
    }

    /** Reads the whole export as a stream: its size in bytes and the number of shares sent, or fails if invalid. */
    static long[] countShares(InputStream body) throws Exception {
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            long shares = 0;
            int depth = 0;
            boolean inShares = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && depth == 1) {
                    inShares = parser.currentName().equals("shares_sent");
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (inShares && depth == 3 && token == JsonToken.START_OBJECT) {
                        shares++;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
            assertThat(depth).as("the document is complete").isZero();
            return new long[] {parser.currentLocation().getByteOffset(), shares};
        }
    }
}
