package org.labrange.gateway.domain;

/**
 * Something a reader of a report or overview must know is missing or doubtful.
 *
 * @param code     stable machine-readable code, e.g. {@code no-range}
 * @param severity CLINICAL warnings make a report incomplete; NOTICE ones concern provenance only
 * @param message  what is missing and why, in words
 * @param resultId the result concerned, when there is one (else null)
 */
public record Warning(String code, Severity severity, String message, String resultId) {

    public enum Severity {
        CLINICAL,
        NOTICE
    }

    static Warning clinical(String code, String message, String resultId) {
        return new Warning(code, Severity.CLINICAL, message, resultId);
    }

    static Warning notice(String code, String message, String resultId) {
        return new Warning(code, Severity.NOTICE, message, resultId);
    }
}
