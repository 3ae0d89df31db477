package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipQuery;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.bootstrap.EventStreamClient.Event;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.embedded.UserApiLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded library and the HTTP service on one PostgreSQL database: what one writes the other reads, both
 * ways, and a friend request made in-process reaches the service's live event stream (outbox + NOTIFY).
 */
class EmbeddedLibraryIT {

    private static RunningService service;
    private static UserApiLibrary library;

    @BeforeAll
    static void start() {
        service = RunningService.start(EmbeddedLibraryIT.class, Map.of());
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(service.database().jdbcUrl());
        dataSource.setUser(service.database().username());
        dataSource.setPassword(service.database().password());
        library = UserApiLibrary.using(dataSource).build();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aFriendRequestMadeInProcessReachesTheServicesEventStreamAndItsLists() {
        String annToken = registerOverHttp("lib-ann", "Ann");
        Caller ben = registerInProcess("lib-ben", "Ben");
        try (EventStreamClient annStream = EventStreamClient.open(service.port(), annToken, null)) {
            assertThat(annStream.status()).isEqualTo(200);

            library.friendships().sendFriendRequest(SendFriendRequestCommand.of(ben, "lib-ann"));

            Event heard = annStream.next(Duration.ofSeconds(2));
            assertThat(heard)
                    .as("the service's stream hears the in-process request")
                    .isNotNull();
            assertThat(heard.name()).isEqualTo("friend_request");
            assertThat(heard.data()).contains("\"user_id\":\"lib-ben\"");
        }
        JsonNode requests = service.get("/friendship/requests", annToken).json();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("user_id").asText()).isEqualTo("lib-ben");
    }

    @Test
    void whatTheServiceWritesTheLibraryReadsAndTheOtherWayRound() {
        String carToken = registerOverHttp("lib-car", "Car");
        Caller dan = registerInProcess("lib-dan", "Dan");

        assertThat(service.get("/users/id/lib-dan", carToken)
                        .json()
                        .get("first_name")
                        .asText())
                .isEqualTo("Dan");
        assertThat(service.post("/friendship/requests", carToken, "{\"user_id2\":\"lib-dan\"}")
                        .status())
                .isEqualTo(200);

        var accepted = library.friendships().acceptFriendRequest(AcceptFriendRequestCommand.of(dan, "lib-car"));
        assertThat(accepted.statusFor(UserId.of("lib-dan"))).isEqualTo(FriendshipStatus.FRIENDS);
        assertThat(service.get("/friendship/check/lib-dan", carToken)
                        .json()
                        .get("accepted_at")
                        .isNull())
                .as("accepted, as the service sees it")
                .isFalse();

        library.shares()
                .shareWithFriends(
                        ShareWithFriendsCommand.of(dan, "https://example.com/in-process", "In process", null));
        JsonNode received = service.get("/notifications/share", carToken).json();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("url").asText()).isEqualTo("https://example.com/in-process");

        assertThat(library.friendships().checkFriendship(CheckFriendshipQuery.of(dan, "lib-car")))
                .hasValueSatisfying(
                        f -> assertThat(f.statusFor(UserId.of("lib-dan"))).isEqualTo(FriendshipStatus.FRIENDS));
    }

    private static String registerOverHttp(String id, String firstName) {
        String token = service.token(id);
        assertThat(service.post("/users/me", token, "{\"first_name\":\"" + firstName + "\",\"last_name\":\"Test\"}")
                        .status())
                .isEqualTo(200);
        return token;
    }

    private static Caller registerInProcess(String id, String firstName) {
        Caller caller = new Caller(UserId.of(id), Email.of(id + "@example.com"));
        library.users().register(RegisterUserCommand.of(caller, firstName, "Test", null, null));
        return caller;
    }
}
