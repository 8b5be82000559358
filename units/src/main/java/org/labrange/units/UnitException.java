package org.labrange.units;

import java.util.Optional;

/**
 * A unit that is not UCUM, or two units that cannot be converted into each other. {@link #reason()} is a sentence
 * fragment for a problem document; when both units are valid, both dimensions are known and named in it.
 */
public final class UnitException extends RuntimeException {

    private final String reason;
    private final transient Dimension fromDimension;
    private final transient Dimension toDimension;

    UnitException(String reason, Dimension fromDimension, Dimension toDimension) {
        super(reason);
        this.reason = reason;
        this.fromDimension = fromDimension;
        this.toDimension = toDimension;
    }

    /** Why, in words: "not a UCUM unit (…)", "mass concentration cannot be converted to catalytic activity …". */
    public String reason() {
        return reason;
    }

    public Optional<Dimension> fromDimension() {
        return Optional.ofNullable(fromDimension);
    }

    public Optional<Dimension> toDimension() {
        return Optional.ofNullable(toDimension);
    }
}
