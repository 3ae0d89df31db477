package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.domain.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresUserSearchRepositoryIT extends UserSearchRepositoryContract {

    private TestDatabase database;
    private Persistence persistence;

    @BeforeAll
    void start() {
        database = TestDatabase.postgres(getClass());
        persistence = Persistence.start(database.settings());
    }

    @AfterAll
    void stop() {
        if (persistence != null) {
            persistence.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected UserSearchRepository search() {
        return persistence.userSearch();
    }

    @Override
    protected void clear() {
        SearchData.clear(database);
    }

    @Override
    protected void store(User user) {
        persistence.users().insert(user);
    }

    @Override
    protected void befriend(String requester, String addressee, boolean accepted) {
        SearchData.befriend(database, requester, addressee, accepted);
    }
}
