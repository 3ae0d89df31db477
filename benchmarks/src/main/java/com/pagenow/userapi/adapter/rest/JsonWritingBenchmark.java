package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.server.Json;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.benchmarks.AverageTimeBenchmark;
import com.pagenow.userapi.benchmarks.Fixtures;
import com.pagenow.userapi.domain.user.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/**
 * The response bodies of the busiest reads, as the REST adapter writes them: the caller's own profile
 * ({@code GET /users/me}, a UserPrivate) and a page of 15 UserSummary ({@code GET /users/id/{id}/friends}), each
 * from the domain value to bytes (the DTO is made per request too).
 */
public class JsonWritingBenchmark extends AverageTimeBenchmark {

    private ObjectMapper json;
    private User user;
    private List<UserSummary> friends;

    @Setup
    public void setUp() {
        json = Json.mapper();
        user = Fixtures.user();
        friends = Fixtures.friendsPage();
    }

    @Benchmark
    public byte[] userPrivate() throws Exception {
        return json.writeValueAsBytes(UserResponses.Private.of(user));
    }

    @Benchmark
    public byte[] userSummaryPage() throws Exception {
        return json.writeValueAsBytes(friends.stream().map(UserResponses.Summary::of).toList());
    }

    @Benchmark
    public byte[] userPublic() throws Exception {
        return json.writeValueAsBytes(UserResponses.Public.of(user.publicView()));
    }
}
