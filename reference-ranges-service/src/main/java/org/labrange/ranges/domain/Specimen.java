package org.labrange.ranges.domain;

/** Specimen an analyte is measured in. */
public enum Specimen {
    SERUM_PLASMA,
    BLOOD,
    URINE,
    CSF
}
