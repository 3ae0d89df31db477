package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An ordered list of distinct host names, at most 500; duplicates keep their first position. */
public record DomainList(List<DomainName> domains) {

    public static final int MAX_ENTRIES = 500;
    public static final DomainList EMPTY = new DomainList(List.of());

    public DomainList {
        if (domains == null) {
            throw new InvalidValueException("domains", "must not be null");
        }
        Set<DomainName> distinct = new LinkedHashSet<>(domains);
        if (distinct.size() > MAX_ENTRIES) {
            throw new InvalidValueException("domains", "must hold at most " + MAX_ENTRIES + " entries");
        }
        domains = List.copyOf(distinct);
    }

    /** Normalises each entry; the first entry that is not a host name makes the whole list invalid. */
    public static DomainList parse(List<String> raw) {
        if (raw == null) {
            throw new InvalidValueException("domains", "must not be null");
        }
        if (raw.size() > MAX_ENTRIES) {
            throw new InvalidValueException("domains", "must hold at most " + MAX_ENTRIES + " entries");
        }
        List<DomainName> names = new ArrayList<>(raw.size());
        for (String entry : raw) {
            names.add(DomainName.of(entry));
        }
        return new DomainList(names);
    }

    /** Stored lists are trusted as they are, but still normalised. */
    public static DomainList reconstitute(String[] stored) {
        DomainList unchangedDefault = DefaultDomainLists.matching(stored);
        if (unchangedDefault != null) {
            return unchangedDefault;
        }
        List<DomainName> names = new ArrayList<>();
        if (stored != null) {
            for (String entry : stored) {
                if (entry != null && !entry.isBlank()) {
                    try {
                        names.add(DomainName.of(entry));
                    } catch (InvalidValueException legacyEntry) {
                        // The old service stored lists unchecked; an odd legacy entry must not make the profile unreadable.
                    }
                }
            }
        }
        return new DomainList(names.size() > MAX_ENTRIES ? names.subList(0, MAX_ENTRIES) : names);
    }

    public List<String> values() {
        return domains.stream().map(DomainName::value).toList();
    }

    public boolean contains(DomainName domain) {
        return domains.contains(domain);
    }
}
