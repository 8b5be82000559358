package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangeFilterTest {

    @Test
    void noFilterNamesNoAnalyteSourceCategoryOrSpecimen() {
        assertEquals(
                new RangeFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                RangeFilter.none());
    }
}
