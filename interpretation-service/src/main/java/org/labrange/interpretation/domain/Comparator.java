package org.labrange.interpretation.domain;

/** The comparator of a censored value such as {@code <0.2}. */
public enum Comparator {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isUpperLimit() {
        return this == LT || this == LE;
    }
}
