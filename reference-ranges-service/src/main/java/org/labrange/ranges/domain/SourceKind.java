package org.labrange.ranges.domain;

/** Who publishes a range set. */
public enum SourceKind {
    LAB,
    TEXTBOOK,
    OPTIMAL,
    LOCAL
}
