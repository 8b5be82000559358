package org.labrange.interpretation.domain;

import java.util.Optional;

public record Citation(String id, String text, Optional<String> doi) {}
