package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An ordered list of distinct host names, at most 500; duplicates keep their first position. */
public record DomainList(List<DomainName> domains) {

    /** The most host names one list holds. */
    public static final int MAX_ENTRIES = 500;
    /** A list without host names. */
    public static final DomainList EMPTY = new DomainList(List.of());

    /**
     * Lists read back recently, by their stored entries. Most profiles hold one of a few lists (the defaults they
     * started with), and a profile read would otherwise check and collect each of its ~120 host names again: a
     * lookup costs a hash and a comparison of the entries. Bounded; the values are immutable.
     */
    private static final int RECENTLY_READ_MAX = 256;

    private static final Map<List<String>, DomainList> RECENTLY_READ = new ConcurrentHashMap<>();

    /**
     * Keeps each host name once, in order, and checks that at most {@link #MAX_ENTRIES} remain.
     *
     * @param domains the host names
     * @throws InvalidValueException when there are more than {@link #MAX_ENTRIES}
     */
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

    /**
     * Normalises each entry and drops the ones that are then empty (the extension's popup sends {@code ""} for a
     * page without a domain, such as a new tab); the first other entry that is not a host name makes the whole
     * list invalid.
     *
     * @param raw the entries as sent
     * @return the list
     * @throws InvalidValueException when an entry is not a host name or there are too many
     */
    public static DomainList parse(List<String> raw) {
        if (raw == null) {
            throw new InvalidValueException("domains", "must not be null");
        }
        if (raw.size() > MAX_ENTRIES) {
            throw new InvalidValueException("domains", "must hold at most " + MAX_ENTRIES + " entries");
        }
        List<DomainName> names = new ArrayList<>(raw.size());
        for (String entry : raw) {
            if (entry != null && !entry.isBlank()) {
                names.add(DomainName.of(entry));
            }
        }
        return new DomainList(names);
    }

    /**
     * Stored lists are trusted as they are, but still normalised.
     *
     * @param stored the stored entries, or null
     * @return the list
     */
    public static DomainList reconstitute(String[] stored) {
        if (stored == null || stored.length == 0) {
            return read(stored);
        }
        List<String> entries = Arrays.asList(stored.clone());
        DomainList known = RECENTLY_READ.get(entries);
        if (known != null) {
            return known;
        }
        DomainList read = read(stored);
        if (RECENTLY_READ.size() >= RECENTLY_READ_MAX) {
            RECENTLY_READ.clear(); // many distinct lists: start over rather than track recency on every read
        }
        RECENTLY_READ.put(entries, read);
        return read;
    }

    private static DomainList read(String[] stored) {
        List<DomainName> names = new ArrayList<>();
        if (stored != null) {
            for (String entry : stored) {
                if (entry != null && !entry.isBlank()) {
                    try {
                        names.add(DomainName.of(entry));
                    } catch (InvalidValueException legacyEntry) {
                        // The old service stored lists unchecked; an odd legacy entry must not make the profile
                        // unreadable.
                    }
                }
            }
        }
        return new DomainList(names.size() > MAX_ENTRIES ? names.subList(0, MAX_ENTRIES) : names);
    }

    /**
     * The host names as text, in list order.
     *
     * @return the host names
     */
    public List<String> values() {
        return domains.stream().map(DomainName::value).toList();
    }

    /**
     * Whether {@code domain} is on the list.
     *
     * @param domain a host name
     * @return true when it is on the list
     */
    public boolean contains(DomainName domain) {
        return domains.contains(domain);
    }
}
