package org.labrange.ranges.domain;

/** What a revision did to its range. */
public enum ChangeAction {
    CREATE,
    REVISE,
    RETIRE
}
