package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.fake.InMemoryBlockRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.PublicProfiles;
import com.pagenow.userapi.application.port.out.UserRepository;

/** The application's fake answers the profile-with-blocks read as the database does. */
class InMemoryProfileWithBlocksTest extends ProfileWithBlocksContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryBlockRepository blocks = new InMemoryBlockRepository(users);

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected BlockRepository blocks() {
        return blocks;
    }

    @Override
    protected PublicProfiles publicProfiles() {
        return blocks;
    }
}
