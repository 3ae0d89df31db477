package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUserRepositoryIT extends UserRepositoryContract {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.postgres();

    @Override
    protected UserRepository users() {
        return db.persistence().users();
    }

    @Override
    protected TransactionRunner transactions() {
        return db.persistence().transactions();
    }
}
