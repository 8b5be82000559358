package org.labrange.gateway.domain;

import java.util.Optional;

/** A publisher of ranges as reference-ranges-service describes it. */
public record Source(String code, Optional<String> name, Optional<String> kind, Optional<String> citation) {}
