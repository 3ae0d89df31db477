package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2LiveEventOutboxIT extends LiveEventOutboxContract {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.h2();

    @Override
    protected Persistence persistence() {
        return db.persistence();
    }
}
