package org.labrange.interpretation.domain;

import java.util.List;
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
        OptionalDouble withinSubjectCvPercent) {

    public Analyte {
        aliases = List.copyOf(aliases);
    }

    public boolean hasBiologicalVariation() {
        return analyticalCvPercent.isPresent() && withinSubjectCvPercent.isPresent();
    }
}
