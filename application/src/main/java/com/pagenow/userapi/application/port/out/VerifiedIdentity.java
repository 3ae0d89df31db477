package com.pagenow.userapi.application.port.out;

/** The claims a verified token vouches for: the user name and, for ID tokens, the e-mail address. */
public record VerifiedIdentity(String username, String email) {
}
