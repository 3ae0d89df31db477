package com.example.profiles.bootstrap;

import com.example.profiles.adapter.memory.MemoryBlocks;
import com.example.profiles.adapter.memory.MemoryUsers;
import com.example.profiles.adapter.memory.OneAtATime;
import com.pagenow.userapi.application.port.in.user.GetPublicProfileUseCase;
import com.pagenow.userapi.application.port.in.user.RegisterUserUseCase;
import com.pagenow.userapi.application.service.UserProfileService;

import java.time.Clock;

/** This service's composition root: user-api's profile use cases over adapters of its own. */
public final class ProfilesService {

    private final UserProfileService profiles;

    private ProfilesService(UserProfileService profiles) {
        this.profiles = profiles;
    }

    /** Everything in memory. */
    public static ProfilesService inMemory(Clock clock) {
        MemoryUsers users = new MemoryUsers();
        MemoryBlocks blocks = new MemoryBlocks(users);
        return new ProfilesService(new UserProfileService(users, blocks, blocks, new OneAtATime(), clock));
    }

    public RegisterUserUseCase register() {
        return profiles;
    }

    public GetPublicProfileUseCase publicProfiles() {
        return profiles;
    }
}
