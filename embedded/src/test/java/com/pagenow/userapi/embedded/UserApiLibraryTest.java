package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipQuery;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library over a caller's DataSource (an in-memory H2 here; PostgreSQL in bootstrap's EmbeddedLibraryIT). */
class UserApiLibraryTest {

    @Test
    void buildingMigratesNothingAndMigrateDoesOnDemand() throws SQLException {
        JdbcDataSource dataSource = h2();
        UserApiLibrary library = UserApiLibrary.using(dataSource).build();
        assertThat(hasUserTable(dataSource)).as("nothing migrated silently").isFalse();

        UserApiLibrary.Migration migration = library.migrate();

        assertThat(migration.versionBefore()).isEqualTo("empty");
        assertThat(migration.applied()).isNotEmpty().contains(migration.versionAfter());
        assertThat(hasUserTable(dataSource)).isTrue();
        assertThat(library.migrate().applied())
                .as("a second migrate has nothing to do")
                .isEmpty();
    }

    @Test
    void theUseCasesRunTheServicesRulesOverTheCallersConnections() {
        UserApiLibrary library = UserApiLibrary.using(h2()).build();
        library.migrate();
        Caller ann = register(library, "ann");
        Caller ben = register(library, "ben");

        library.friendships().sendFriendRequest(SendFriendRequestCommand.of(ann, "ben"));
        assertThatThrownBy(() -> library.friendships().sendFriendRequest(SendFriendRequestCommand.of(ben, "ann")))
                .isInstanceOf(ConflictException.class);
        library.friendships().acceptFriendRequest(AcceptFriendRequestCommand.of(ben, "ann"));

        assertThat(library.friendships().checkFriendship(CheckFriendshipQuery.of(ann, "ben")))
                .hasValueSatisfying(
                        f -> assertThat(f.statusFor(UserId.of("ann"))).isEqualTo(FriendshipStatus.FRIENDS));
    }

    @Test
    void itsClasspathHasNoHttpServerCognitoOrAwsSdk() {
        for (String absent : new String[] {
            "io.undertow.Undertow",
            "com.nimbusds.jwt.JWT",
            "software.amazon.awssdk.core.SdkClient",
            "com.fasterxml.jackson.databind.ObjectMapper"
        }) {
            assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
        }
    }

    private static Caller register(UserApiLibrary library, String id) {
        Caller caller = new Caller(UserId.of(id), Email.of(id + "@example.com"));
        library.users().register(RegisterUserCommand.of(caller, id, "Test", null, null));
        return caller;
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // As dev mode opens it (Persistence.embeddedH2Url), in memory; timestamps held in UTC as on PostgreSQL.
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=0;DB_CLOSE_DELAY=-1;INIT=SET TIME ZONE 'UTC'");
        return dataSource;
    }

    private static boolean hasUserTable(JdbcDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "user_table", null)) {
            return tables.next();
        }
    }
}
