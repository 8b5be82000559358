package org.labrange.ranges.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A measurable quantity as one revision defines it: its code, names, specimen, canonical unit and what is needed
 * to convert and compare results of it.
 *
 * @param unit the canonical UCUM unit
 * @param displayPrecision decimals results of this analyte are shown with, when set
 * @param cvCitation where the analytical and within-subject variation figures come from
 */
public record Analyte(
        String code,
        Optional<String> loinc,
        String displayName,
        List<String> aliases,
        Specimen specimen,
        String unit,
        Optional<BigDecimal> molarMassGramsPerMole,
        Optional<Integer> displayPrecision,
        Optional<BigDecimal> analyticalCvPercent,
        Optional<BigDecimal> withinSubjectCvPercent,
        Optional<String> cvCitation) {

    public Analyte {
        // a draft may carry a null alias, which the rules then name; List.copyOf would throw instead
        aliases = Collections.unmodifiableList(new ArrayList<>(aliases));
    }
}
