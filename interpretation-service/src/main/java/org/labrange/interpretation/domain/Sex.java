package org.labrange.interpretation.domain;

import java.util.Locale;
import java.util.Optional;

/** Sex a range applies to; {@code ANY} only appears on ranges, never on a patient. */
public enum Sex {
    ANY,
    FEMALE,
    MALE;

    /** Reads a patient's sex as people write it; empty for unknown. */
    public static Optional<Sex> ofPatient(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE", "W", "WOMAN" -> Optional.of(FEMALE);
            case "M", "MALE", "MAN" -> Optional.of(MALE);
            case "U", "UNKNOWN", "O", "OTHER" -> Optional.empty();
            default -> throw new IllegalArgumentException("sex must be FEMALE, MALE or UNKNOWN, not '" + text + "'");
        };
    }
}
