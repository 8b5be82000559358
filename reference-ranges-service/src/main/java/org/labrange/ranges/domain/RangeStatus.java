package org.labrange.ranges.domain;

/** Whether a revision makes the range apply or withdraws it. */
public enum RangeStatus {
    ACTIVE,
    RETIRED
}
