package org.labrange.ranges.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A measurable quantity: its code, names, specimen, canonical unit and what is needed to convert it. */
public record Analyte(
        String code,
        Optional<String> loinc,
        String displayName,
        List<String> aliases,
        Specimen specimen,
        String unit,
        Optional<BigDecimal> molarMassGramsPerMole,
        Optional<BigDecimal> analyticalCvPercent,
        Optional<BigDecimal> withinSubjectCvPercent) {

    public Analyte {
        aliases = List.copyOf(aliases);
    }
}
