package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.user.DeleteProfileImageUseCase;
import com.pagenow.userapi.application.port.in.user.GetProfileImageUploadUrlUseCase;
import com.pagenow.userapi.application.port.in.user.GetProfileImageUrlUseCase;
import com.pagenow.userapi.application.port.in.user.GetProfileImageUrlsUseCase;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Profile images: signed URLs to upload one's own and to show anyone's, and deleting one's own. */
public final class ProfileImageRoutes implements Routes {

    private final GetProfileImageUploadUrlUseCase uploadUrl;
    private final GetProfileImageUrlUseCase downloadUrl;
    private final GetProfileImageUrlsUseCase downloadUrls;
    private final DeleteProfileImageUseCase delete;

    /**
     * The routes over the service implementing their use cases; each route keeps the use case it calls.
     *
     * @param images the profile image service
     * @param <I> the use cases of images
     */
    public <
                    I extends
                            GetProfileImageUploadUrlUseCase & GetProfileImageUrlUseCase & GetProfileImageUrlsUseCase
                                    & DeleteProfileImageUseCase>
            ProfileImageRoutes(I images) {
        this.uploadUrl = images;
        this.downloadUrl = images;
        this.downloadUrls = images;
        this.delete = images;
    }

    @Override
    public void register(Router router) {
        router.get("/users/me/profile-image-upload-url", this::uploadUrl);
        router.get("/users/id/{user_id}/profile-image-url", this::downloadUrl);
        router.get("/users/ids/{user_ids}/profile-image-url", this::downloadUrls);
        router.delete("/users/me/profile-image", this::delete);
    }

    private Object uploadUrl(ApiRequest request) {
        return uploadUrl
                .profileImageUploadUrl(request.caller(), request.query("image_ext"))
                .toString();
    }

    private Object downloadUrl(ApiRequest request) {
        return downloadUrl
                .profileImageUrl(
                        request.caller(), UserRoutes.pathUserId(request, "user_id"), request.query("image_ext"))
                .toString();
    }

    private Object downloadUrls(ApiRequest request) {
        // Positions pair ids with extensions: empty entries are kept (the web client sends "" for no image).
        List<String> ids = split(request.path("user_ids"));
        String extensions = request.query("image_ext_arr");
        Map<String, String> answer = new LinkedHashMap<>();
        downloadUrls
                .profileImageUrls(request.caller(), ids, extensions == null ? List.of() : split(extensions))
                .forEach((owner, url) -> answer.put(owner.value(), url.toString()));
        return answer;
    }

    private Object delete(ApiRequest request) {
        delete.deleteProfileImage(request.caller());
        return Map.of("success", true);
    }

    private static List<String> split(String joined) {
        return Arrays.stream(joined.split(",", -1)).map(String::strip).toList();
    }
}
