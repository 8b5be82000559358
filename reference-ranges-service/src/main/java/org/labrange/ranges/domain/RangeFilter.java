package org.labrange.ranges.domain;

import java.util.Optional;

/** Which ranges a query is about, by identity and specimen; an empty field means "any". */
public record RangeFilter(
        Optional<String> analyte, Optional<String> source, Optional<Category> category, Optional<Specimen> specimen) {

    public static RangeFilter none() {
        return new RangeFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
