package com.pagenow.userapi.domain.user;

import java.time.Instant;

/** When a profile image was last uploaded and with which file extension; both may be unknown. */
public record ProfileImage(Instant uploadedAt, String extension) {

    public static final ProfileImage NONE = new ProfileImage(null, null);
}
