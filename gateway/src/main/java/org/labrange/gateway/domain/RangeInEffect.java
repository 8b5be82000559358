package org.labrange.gateway.domain;

import java.util.Optional;

/** A range revision in effect for an analyte, as far as the overview needs to know it. */
public record RangeInEffect(Optional<String> rangeId, Optional<String> sourceCode) {}
