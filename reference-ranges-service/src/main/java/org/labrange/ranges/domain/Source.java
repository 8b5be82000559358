package org.labrange.ranges.domain;

import java.util.Optional;

/** Who publishes a set of ranges, and where. */
public record Source(String code, String name, SourceKind kind, String citation, Optional<String> url) {}
