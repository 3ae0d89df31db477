package com.pagenow.userapi.domain.text;

import com.pagenow.userapi.domain.error.InvalidValueException;

/**
 * What every text the service accepts must be: no NUL anywhere (PostgreSQL text cannot hold one, and a NUL that
 * reached it would fail the statement), and no control character at all in an identifier. Tabs and line breaks
 * stay allowed in free text such as a description or a page title.
 */
public final class StoredText {

    /** The complaint about a NUL character, which PostgreSQL text cannot hold. */
    public static final String NUL_MESSAGE = "must not contain NUL characters";
    /** The complaint about a control character in a one-line value. */
    public static final String CONTROL_MESSAGE = "must not contain control characters";

    private StoredText() {}

    /**
     * Whether {@code value} holds a NUL character (null holds none).
     *
     * @param value the text, or null
     * @return true when it holds a NUL
     */
    public static boolean containsNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /**
     * C0 controls (NUL, tab, line breaks, ...), DEL and the C1 controls.
     *
     * @param value the text, or null
     * @return true when it holds a control character
     */
    public static boolean containsControlCharacter(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code value} unchanged, or {@link InvalidValueException} naming {@code field} if it holds a NUL.
     *
     * @param field the field to name
     * @param value the text
     * @return {@code value}
     * @throws InvalidValueException when it holds a NUL
     */
    public static String requireNoNul(String field, String value) {
        if (containsNul(value)) {
            throw new InvalidValueException(field, NUL_MESSAGE);
        }
        return value;
    }

    /**
     * {@code value} unchanged, or {@link InvalidValueException} naming {@code field} if it holds a control character.
     *
     * @param field the field to name
     * @param value the text
     * @return {@code value}
     * @throws InvalidValueException when it holds a control character
     */
    public static String requireNoControlCharacter(String field, String value) {
        if (containsControlCharacter(value)) {
            throw new InvalidValueException(field, CONTROL_MESSAGE);
        }
        return value;
    }
}
