package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;

/** Who is calling, as a verified token says: the user id and e-mail address. */
public record Caller(UserId userId, Email email) {
}
