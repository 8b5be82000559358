package org.labrange.interpretation.domain;

import java.util.Locale;

/** Maps specimen names people write to the ranges service's specimen codes. */
public final class Specimens {

    private Specimens() {
    }

    public static String normalise(String specimen) {
        String s = specimen.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return switch (s) {
            case "SERUM", "PLASMA", "SER", "PLAS", "SERUM_PLASMA", "SER_PLAS", "BLOOD", "SERUM_OR_PLASMA" -> "SERUM_PLASMA";
            case "URINE", "UR", "URN", "SPOT_URINE" -> "URINE";
            case "CSF", "CEREBROSPINAL_FLUID" -> "CSF";
            default -> s;
        };
    }
}
