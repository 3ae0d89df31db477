package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.UserId;

/** Who sent or received a share, as share lists show them: id, name and profile image extension (may be null). */
public record UserBasics(UserId id, PersonName firstName, PersonName lastName, String profileImageExtension) {}
