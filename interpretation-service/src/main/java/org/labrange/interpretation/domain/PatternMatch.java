package org.labrange.interpretation.domain;

import java.util.List;

/** A pattern found across the results of one request, with the results that make it and why. */
public record PatternMatch(String id, String text, List<String> resultIds, List<Citation> citations, String basis) {}
