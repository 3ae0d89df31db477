package com.example.profiles;

import com.example.profiles.bootstrap.ProfilesService;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** user-api's rules hold over this service's own adapters. */
class ProfilesServiceTest {

    private final ProfilesService service = ProfilesService.inMemory(Clock.systemUTC());
    private final Caller alice = new Caller(UserId.of("alice"), Email.of("alice@example.com"));
    private final Caller bob = new Caller(UserId.of("bob"), Email.of("bob@example.com"));

    @Test
    void aRegisteredProfileIsSeenByOthers() {
        service.register().register(RegisterUserCommand.of(alice, "Alice", "Liddell", null, null));

        PublicProfile seen = service.publicProfiles().getPublicProfile(bob, UserId.of("alice"));

        assertEquals("Alice", seen.firstName().value());
    }

    @Test
    void registeringTwiceIsAConflict() {
        service.register().register(RegisterUserCommand.of(alice, "Alice", "Liddell", null, null));

        assertThrows(ConflictException.class,
                () -> service.register().register(RegisterUserCommand.of(alice, "Alice", "Again", null, null)));
    }

    @Test
    void anUnknownProfileIsNotFound() {
        assertThrows(NotFoundException.class,
                () -> service.publicProfiles().getPublicProfile(bob, UserId.of("nobody")));
    }

    @Test
    void aCommandWithoutANameIsRefusedBeforeItReachesTheUseCase() {
        assertThrows(ConstraintViolationException.class,
                () -> RegisterUserCommand.of(alice, null, "Liddell", null, null));
    }
}
