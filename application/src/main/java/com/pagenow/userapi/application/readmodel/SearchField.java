package com.pagenow.userapi.application.readmodel;

/** What a user search matches: the full name ({@code first_name || ' ' || last_name}) or the e-mail address. */
public enum SearchField {
    /** The full name. */
    NAME,
    /** The e-mail address. */
    EMAIL
}
