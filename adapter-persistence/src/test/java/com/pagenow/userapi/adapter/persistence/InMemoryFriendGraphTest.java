package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;

/** The application's fake keeps the same contract as the database, so service tests on it mean something. */
class InMemoryFriendGraphTest extends FriendGraphContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected FriendshipRepository friendships() {
        return friendships;
    }

    @Override
    protected BlockRepository blocks() {
        return friendships.blocks();
    }

    @Override
    protected FriendGraph graph() {
        return friendships.graph();
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }
}
