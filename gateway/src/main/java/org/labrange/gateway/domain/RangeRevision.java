package org.labrange.gateway.domain;

import java.util.Optional;

/**
 * One revision of a range, as read from its history at reference-ranges-service.
 *
 * @param revision the revision number (0 when the service did not give one)
 */
public record RangeRevision(
        int revision,
        Optional<String> status,
        Optional<String> effectiveFrom,
        Optional<String> recordedAt,
        Optional<String> recordedBy,
        Optional<String> reason) {}
