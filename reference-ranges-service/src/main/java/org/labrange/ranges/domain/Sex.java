package org.labrange.ranges.domain;

/** Sex a range applies to; ANY matches every patient. */
public enum Sex {
    ANY,
    FEMALE,
    MALE
}
