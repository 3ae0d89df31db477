package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.PublicProfiles;
import com.pagenow.userapi.application.port.out.UserRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresProfileWithBlocksIT extends ProfileWithBlocksContract {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.postgres();

    @Override
    protected UserRepository users() {
        return db.persistence().users();
    }

    @Override
    protected BlockRepository blocks() {
        return db.persistence().blocks();
    }

    @Override
    protected PublicProfiles publicProfiles() {
        return db.persistence().publicProfiles();
    }
}
