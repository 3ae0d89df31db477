package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryShareNotificationRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;

/** The fake the application and REST tests use keeps the same contract as the database. */
class InMemoryShareNotificationRepositoryTest extends ShareNotificationRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryShareNotificationRepository shares =
            new InMemoryShareNotificationRepository(users, transactions);

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected ShareNotificationRepository shares() {
        return shares;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }
}
