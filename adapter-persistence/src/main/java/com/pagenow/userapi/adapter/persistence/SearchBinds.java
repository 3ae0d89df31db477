package com.pagenow.userapi.adapter.persistence;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one search statement, by name: each component is the value of the statement's parameter of the
 * same name ({@link SearchStatements}), so the order the statement happens to use them in cannot be got wrong.
 */
record SearchBinds(
        String viewer,
        String prefix,
        String suffix,
        String infix,
        String exact,
        String low,
        String high,
        int wanted,
        int skip,
        int take) {

    /** The parameter names, which every search statement must use and use only. */
    static final List<String> NAMES = Arrays.stream(SearchBinds.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    Map<String, Object> byName() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("viewer", viewer);
        values.put("prefix", prefix);
        values.put("suffix", suffix);
        values.put("infix", infix);
        values.put("exact", exact);
        values.put("low", low);
        values.put("high", high);
        values.put("wanted", wanted);
        values.put("skip", skip);
        values.put("take", take);
        return values;
    }
}
