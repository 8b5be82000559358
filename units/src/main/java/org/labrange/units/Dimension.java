package org.labrange.units;

import java.util.Optional;

/**
 * What a unit measures, named the way a laboratory would say it. A unit belongs to the first dimension whose probe
 * unit UCUM finds commensurable with it; a unit that matches none is {@link #OTHER} and is described by its UCUM
 * canonical form instead. Mass and amount-of-substance dimensions come in pairs that a molar mass converts between.
 */
public enum Dimension {
    MASS_CONCENTRATION("mass concentration", "g/L"),
    SUBSTANCE_CONCENTRATION("substance (molar) concentration", "mol/L"),
    CATALYTIC_CONCENTRATION("catalytic activity concentration", "kat/L"),
    NUMBER_CONCENTRATION("number concentration", "/L"),
    DIMENSIONLESS("ratio, fraction or count without a unit", "1"),
    MASS("mass", "g"),
    SUBSTANCE("amount of substance", "mol"),
    MASS_RATE("mass rate", "g/s"),
    SUBSTANCE_RATE("substance rate", "mol/s"),
    VOLUME("volume", "L"),
    VOLUME_RATE("volume rate", "L/s"),
    PRESSURE("pressure", "Pa"),
    TIME("time", "s"),
    LENGTH("length", "m"),
    OTHER("other", null);

    private final String label;
    private final String probe;

    Dimension(String label, String probe) {
        this.label = label;
        this.probe = probe;
    }

    /** Words for messages, e.g. "mass concentration". */
    public String label() {
        return label;
    }

    /** A UCUM unit of this dimension (the SI-coherent one), or empty for {@link #OTHER}. */
    public Optional<String> probe() {
        return Optional.ofNullable(probe);
    }

    /** The dimension a molar mass converts this one into, if any (mass concentration ↔ substance concentration…). */
    public Optional<Dimension> molarCounterpart() {
        return Optional.ofNullable(
                switch (this) {
                    case MASS_CONCENTRATION -> SUBSTANCE_CONCENTRATION;
                    case SUBSTANCE_CONCENTRATION -> MASS_CONCENTRATION;
                    case MASS -> SUBSTANCE;
                    case SUBSTANCE -> MASS;
                    case MASS_RATE -> SUBSTANCE_RATE;
                    case SUBSTANCE_RATE -> MASS_RATE;
                    default -> null;
                });
    }

    /** Whether a molar mass means anything for a quantity in this dimension. */
    public boolean molarMassApplies() {
        return molarCounterpart().isPresent();
    }

    /** True for the mass side of a mass ↔ substance pair. */
    boolean isMassSide() {
        return this == MASS_CONCENTRATION || this == MASS || this == MASS_RATE;
    }
}
