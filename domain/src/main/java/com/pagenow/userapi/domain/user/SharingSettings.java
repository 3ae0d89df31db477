package com.pagenow.userapi.domain.user;

import java.util.Objects;

/** How the owner's browsing is shared: the mode plus the allow and deny lists. */
public record SharingSettings(ShareMode shareMode, DomainList allowList, DomainList denyList) {

    /** A new profile shares nothing by default and starts from the default lists. */
    public static final SharingSettings DEFAULTS =
            new SharingSettings(ShareMode.DEFAULT_NONE, DefaultDomainLists.ALLOW, DefaultDomainLists.DENY);

    /**
     * Checks that the mode and both lists are given.
     *
     * @param shareMode the mode
     * @param allowList the allow list
     * @param denyList the deny list
     */
    public SharingSettings {
        Objects.requireNonNull(shareMode, "shareMode");
        Objects.requireNonNull(allowList, "allowList");
        Objects.requireNonNull(denyList, "denyList");
    }

    /**
     * The same settings with the {@code kind} list replaced by {@code list}.
     *
     * @param kind which list
     * @param list the new list
     * @return the new settings
     */
    public SharingSettings withList(ListKind kind, DomainList list) {
        return kind == ListKind.ALLOW
                ? new SharingSettings(shareMode, list, denyList)
                : new SharingSettings(shareMode, allowList, list);
    }

    /** The two lists a profile keeps. */
    public enum ListKind {
        /** The allow list. */
        ALLOW,
        /** The deny list. */
        DENY
    }
}
