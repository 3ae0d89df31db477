package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ShareNotificationRepositoryIT extends ShareNotificationRepositoryContract {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.h2();

    @Override
    protected UserRepository users() {
        return db.persistence().users();
    }

    @Override
    protected ShareNotificationRepository shares() {
        return db.persistence().shareNotifications();
    }

    @Override
    protected TransactionRunner transactions() {
        return db.persistence().transactions();
    }
}
