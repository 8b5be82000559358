package org.labrange.interpretation.domain;

/** Who publishes ranges (a lab, a textbook…). */
public record Source(String code, String name, String kind, String citation) {}
