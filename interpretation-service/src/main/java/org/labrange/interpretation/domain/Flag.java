package org.labrange.interpretation.domain;

/** HL7 v3 ObservationInterpretation codes (code system 2.16.840.1.113883.5.83) that this service emits. */
public enum Flag {
    N("N", "Normal"),
    L("L", "Low"),
    H("H", "High"),
    LL("LL", "Critical low"),
    HH("HH", "Critical high"),
    OFF_SCALE_LOW("<", "Off scale low"),
    OFF_SCALE_HIGH(">", "Off scale high"),
    IND("IND", "Indeterminate"),
    U("U", "Significant change up"),
    D("D", "Significant change down");

    private final String code;
    private final String display;

    Flag(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public boolean isHigh() {
        return this == H || this == HH;
    }

    /** Placed at or below the upper limit without doubt. */
    public boolean isNotHigh() {
        return this == N || this == L || this == LL;
    }
}
