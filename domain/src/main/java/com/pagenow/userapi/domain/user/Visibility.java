package com.pagenow.userapi.domain.user;

/** Which optional profile fields the owner shows to others. */
public record Visibility(
        boolean emailPublic,
        boolean dobPublic,
        boolean genderPublic,
        boolean schoolPublic,
        boolean workPublic,
        boolean locationPublic) {

    /** Every optional field hidden: how a new profile starts. */
    public static final Visibility ALL_PRIVATE = new Visibility(false, false, false, false, false, false);
}
