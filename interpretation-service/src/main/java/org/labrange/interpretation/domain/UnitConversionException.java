package org.labrange.interpretation.domain;

/** A unit that is unknown to UCUM or cannot be converted to the analyte's canonical unit. */
public class UnitConversionException extends RuntimeException {

    private final String unit;
    private final String target;

    public UnitConversionException(String unit, String target, String reason) {
        super("unit '" + unit + "' cannot be converted to '" + target + "': " + reason);
        this.unit = unit;
        this.target = target;
    }

    public String unit() {
        return unit;
    }

    public String target() {
        return target;
    }
}
