package org.labrange.problems.input;

import java.util.Optional;

/**
 * The one rule for control characters in text, wherever text comes in (JSON bodies, CSV cells): NUL, escape,
 * backspace, DEL, the C1 range and the other C0 characters are refused, because they are never part of a code,
 * a unit or a note and they hide text from the person who reads it later. Tab, line feed and carriage return
 * are allowed in free text.
 */
public final class ControlCharacters {

    /** How every refusal starts, so mappers can recognise it. */
    public static final String REASON = "contains the control character";

    private ControlCharacters() {}

    /** The first refused character of {@code text}, if any. */
    public static Optional<Character> first(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The reason a field is refused for carrying {@code c}: "contains the control character U+0000, …". */
    public static String reason(char c) {
        return String.format("%s U+%04X, which no text field accepts", REASON, (int) c);
    }
}
