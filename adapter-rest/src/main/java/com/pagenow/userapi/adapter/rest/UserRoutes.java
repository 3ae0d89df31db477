package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.user.GetOwnProfileUseCase;
import com.pagenow.userapi.application.port.in.user.GetPublicProfileUseCase;
import com.pagenow.userapi.application.port.in.user.GetPublicProfilesUseCase;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.application.port.in.user.RegisterUserUseCase;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListCommand;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListUseCase;
import com.pagenow.userapi.application.port.in.user.UpdateOwnProfileUseCase;
import com.pagenow.userapi.application.port.in.user.UpdateProfileCommand;
import com.pagenow.userapi.application.readmodel.IdCount;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Arrays;
import java.util.List;

/** The Users resource: one's own profile and others' public profiles. */
public final class UserRoutes implements Routes {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private final RegisterUserUseCase register;
    private final GetOwnProfileUseCase getOwn;
    private final UpdateOwnProfileUseCase updateOwn;
    private final ReplaceDomainListUseCase replaceDomainList;
    private final GetPublicProfileUseCase getPublic;
    private final GetPublicProfilesUseCase getPublics;

    /**
     * The routes over the service implementing their use cases; each route keeps the use case it calls.
     *
     * @param profiles the profile service
     * @param <P> the use cases of profiles
     */
    public <
                    P extends
                            RegisterUserUseCase & GetOwnProfileUseCase & UpdateOwnProfileUseCase
                                    & ReplaceDomainListUseCase & GetPublicProfileUseCase & GetPublicProfilesUseCase>
            UserRoutes(P profiles) {
        this.register = profiles;
        this.getOwn = profiles;
        this.updateOwn = profiles;
        this.replaceDomainList = profiles;
        this.getPublic = profiles;
        this.getPublics = profiles;
    }

    @Override
    public void register(Router router) {
        router.post("/users/me", this::registerOwn);
        router.quickGet("/users/me", this::getOwn);
        router.put("/users/me", this::updateOwn);
        router.put("/users/me/domain_array/{share_type}", this::replaceDomainList);
        router.quickGet("/users/id/{user_id}", this::publicProfile);
        router.get("/users/ids/{user_ids}", this::publicProfiles);
    }

    private Object registerOwn(ApiRequest request) {
        UserRequests.Register body = request.body(UserRequests.Register.class);
        return UserResponses.Private.of(register.register(RegisterUserCommand.of(
                request.caller(), body.firstName(), body.lastName(), body.dob(), body.gender())));
    }

    private Object getOwn(ApiRequest request) {
        return UserResponses.Private.of(getOwn.getOwnProfile(request.caller()));
    }

    private Object updateOwn(ApiRequest request) {
        UpdateProfileCommand.Sent body = request.body(UpdateProfileCommand.Sent.class);
        return UserResponses.Private.of(updateOwn.updateOwnProfile(UpdateProfileCommand.of(request.caller(), body)));
    }

    private Object replaceDomainList(ApiRequest request) {
        String shareType = request.path("share_type");
        List<String> domains = request.body(STRING_LIST);
        return UserResponses.Private.of(
                replaceDomainList.replaceDomainList(ReplaceDomainListCommand.of(request.caller(), shareType, domains)));
    }

    private Object publicProfile(ApiRequest request) {
        return UserResponses.Public.of(getPublic.getPublicProfile(request.caller(), pathUserId(request, "user_id")));
    }

    private Object publicProfiles(ApiRequest request) {
        List<String> raw = Arrays.stream(request.path("user_ids").split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .toList();
        IdCount.check("user_ids", raw.size()); // before parsing: a long list is refused unread
        // An id longer than any stored one cannot exist: it is skipped like any other unknown id.
        List<UserId> ids = raw.stream()
                .filter(id -> id.length() <= UserId.MAX_LENGTH)
                .map(UserId::of)
                .toList();
        return getPublics.getPublicProfiles(request.caller(), ids).stream()
                .map(UserResponses.Public::of)
                .toList();
    }

    static UserId pathUserId(ApiRequest request, String name) {
        try {
            return UserId.of(request.path(name));
        } catch (InvalidValueException invalid) {
            throw invalid.forField(name);
        }
    }
}
