package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.domain.user.User;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUserSearchRepositoryIT extends UserSearchRepositoryContract {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.postgres();

    @Override
    protected UserSearchRepository search() {
        return db.persistence().userSearch();
    }

    @Override
    protected void clear() {
        SearchData.clear(db.database());
    }

    @Override
    protected void store(User user) {
        db.persistence().users().insert(user);
    }

    @Override
    protected void befriend(String requester, String addressee, boolean accepted) {
        SearchData.befriend(db.database(), requester, addressee, accepted);
    }
}
