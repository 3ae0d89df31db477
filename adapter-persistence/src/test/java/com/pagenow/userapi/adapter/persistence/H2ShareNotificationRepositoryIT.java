package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2ShareNotificationRepositoryIT extends ShareNotificationRepositoryContract {

    private TestDatabase database;
    private Persistence persistence;

    @BeforeAll
    void start() {
        database = TestDatabase.h2(getClass());
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
    protected UserRepository users() {
        return persistence.users();
    }

    @Override
    protected ShareNotificationRepository shares() {
        return persistence.shareNotifications();
    }

    @Override
    protected TransactionRunner transactions() {
        return persistence.transactions();
    }
}
