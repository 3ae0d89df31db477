package com.example.shares;

import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.block.BlockUserCommand;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.embedded.UserApiLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on a PostgreSQL database of its own (made and dropped here), through user-api's published library. */
class ShareAudienceTest {

    private static final String SERVER = System.getProperty("test.database.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String NAME = "share_audience_example_" + ProcessHandle.current().pid();

    private static ShareAudienceService service;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void createDatabase() throws SQLException {
        admin("CREATE DATABASE " + NAME);
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(SERVER.replaceFirst("/[^/?]*(\\?|$)", "/" + NAME + "$1"));
        dataSource.setUser("postgres");
        service = new ShareAudienceService(dataSource);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    @Test
    void friendsMaySeeAShareStrangersAndTheBlockedMayNot() throws SQLException {
        assertFalse(hasTable("user_table"), "building the library migrated nothing");
        UserApiLibrary.Migration migration = service.migrate();
        assertEquals("empty", migration.versionBefore());
        assertTrue(hasTable("user_table"));

        Caller ann = register("ann");
        Caller ben = register("ben");
        Caller cat = register("cat");
        register("dan");
        UserApiLibrary userApi = service.userApi();
        userApi.friendships().sendFriendRequest(SendFriendRequestCommand.of(ben, "ann"));
        userApi.friendships().acceptFriendRequest(AcceptFriendRequestCommand.of(ann, "ben"));
        userApi.friendships().sendFriendRequest(SendFriendRequestCommand.of(cat, "ann"));
        userApi.friendships().acceptFriendRequest(AcceptFriendRequestCommand.of(ann, "cat"));
        userApi.blocks().blockUser(BlockUserCommand.of(ann, "cat"));

        List<UserId> audience = service.audience().whoMaySee(UserId.of("ann"),
                List.of(UserId.of("ben"), UserId.of("cat"), UserId.of("dan"), UserId.of("nobody")));

        assertEquals(List.of(UserId.of("ben")), audience);
        assertThrows(ConflictException.class, () -> register("ann"), "user-api's rules, not a copy of them");
    }

    private static Caller register(String id) {
        Caller caller = new Caller(UserId.of(id), Email.of(id + "@example.com"));
        service.userApi().users().register(RegisterUserCommand.of(caller, id, "Example", null, null));
        return caller;
    }

    private static boolean hasTable(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
            return tables.next();
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
