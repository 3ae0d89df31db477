package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresFriendGraphIT extends FriendGraphContract {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.postgres();

    @Override
    protected UserRepository users() {
        return db.persistence().users();
    }

    @Override
    protected FriendshipRepository friendships() {
        return db.persistence().friendships();
    }

    @Override
    protected BlockRepository blocks() {
        return db.persistence().blocks();
    }

    @Override
    protected FriendGraph graph() {
        return db.persistence().friendGraph();
    }

    @Override
    protected TransactionRunner transactions() {
        return db.persistence().transactions();
    }
}
