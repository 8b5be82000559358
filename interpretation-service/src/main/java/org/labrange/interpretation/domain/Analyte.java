package org.labrange.interpretation.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A measurable quantity as the ranges service describes it. {@code unit} is the canonical UCUM unit
 * every value and every range is normalised to before comparison.
 */
public record Analyte(
        String code,
        String displayName,
        List<String> aliases,
        String specimen,
        String unit,
        OptionalDouble molarMassGramsPerMole,
        OptionalDouble analyticalCvPercent,
        OptionalDouble withinSubjectCvPercent,
        Optional<String> loinc) {

    public Analyte {
        aliases = List.copyOf(aliases);
    }

    /** An analyte without a LOINC code on file. */
    public Analyte(
            String code,
            String displayName,
            List<String> aliases,
            String specimen,
            String unit,
            OptionalDouble molarMassGramsPerMole,
            OptionalDouble analyticalCvPercent,
            OptionalDouble withinSubjectCvPercent) {
        this(
                code,
                displayName,
                aliases,
                specimen,
                unit,
                molarMassGramsPerMole,
                analyticalCvPercent,
                withinSubjectCvPercent,
                Optional.empty());
    }

    /** What clinical knowledge is filed under: the LOINC code when there is one, else the analyte's code. */
    public String knowledgeKey() {
        return loinc.orElse(code);
    }

    public boolean hasBiologicalVariation() {
        return analyticalCvPercent.isPresent() && withinSubjectCvPercent.isPresent();
    }
}
