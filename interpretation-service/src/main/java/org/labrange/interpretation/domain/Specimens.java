package org.labrange.interpretation.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a specimen as people write it names the specimen an analyte is measured in. The ranges service
 * describes analytes by a controlled vocabulary (its {@code Specimen} values, each with its HL7 v2 table 0487 code
 * where there is one); a request may use that value, the HL7 code or a common name. Whole blood stays a specimen of
 * its own (it is not serum or plasma), and a 24-hour urine collection is not a spot urine.
 */
public final class Specimens {

    /** Compiled once: this runs for every result (profiling showed a per-call compile costing ~13 % of the engine). */
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Z0-9]+");

    /** What each specimen of the vocabulary may also be called; its own name always counts. */
    private static final Map<String, Set<String>> ALSO_CALLED = Map.ofEntries(
            Map.entry("SERUM_PLASMA", Set.of("SERUM", "PLASMA", "SER", "PLAS", "SER_PLAS", "SERUM_OR_PLASMA")),
            Map.entry("SERUM", Set.of("SER")),
            Map.entry("PLASMA", Set.of("PLAS")),
            Map.entry("BLOOD", Set.of("BLD", "WHOLE_BLOOD")),
            Map.entry("BLOOD_ARTERIAL", Set.of("BLDA", "ARTERIAL_BLOOD")),
            Map.entry("BLOOD_VENOUS", Set.of("BLDV", "VENOUS_BLOOD")),
            Map.entry("BLOOD_CORD", Set.of("BLDCO", "CORD_BLOOD")),
            Map.entry("URINE", Set.of("UR", "URN", "SPOT_URINE", "RANDOM_URINE")),
            Map.entry("URINE_24H", Set.of("24H_URINE", "24_HOUR_URINE", "24HR_URINE", "UR_24H")),
            Map.entry("CSF", Set.of("CEREBROSPINAL_FLUID")),
            Map.entry("SALIVA", Set.of("SAL")),
            Map.entry("STOOL", Set.of("STL", "FAECES", "FECES")),
            Map.entry("PLEURAL_FLUID", Set.of("PLR")),
            Map.entry("SYNOVIAL_FLUID", Set.of("SNV")),
            Map.entry("AMNIOTIC_FLUID", Set.of("AMN")),
            Map.entry("SEMINAL_FLUID", Set.of("SMN")),
            Map.entry("SWEAT", Set.of("SWT")));

    private Specimens() {}

    /** Upper case with runs of other characters as one underscore: "24-hour urine" becomes 24_HOUR_URINE. */
    public static String normalise(String specimen) {
        String s = SEPARATORS.matcher(specimen.trim().toUpperCase(Locale.ROOT)).replaceAll("_");
        return s.replaceAll("^_|_$", "");
    }

    /** Whether {@code written} names {@code analyteSpecimen} (a value of the ranges service's vocabulary). */
    public static boolean matches(String written, String analyteSpecimen) {
        String s = normalise(written);
        return s.equals(analyteSpecimen)
                || ALSO_CALLED.getOrDefault(analyteSpecimen, Set.of()).contains(s);
    }
}
