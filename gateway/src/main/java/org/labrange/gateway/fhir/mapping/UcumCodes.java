package org.labrange.gateway.fhir.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/** Whether a unit is a UCUM code, by the UCUM essence file that ships with {@code org.fhir:ucum}. */
public final class UcumCodes {

    private static final UcumEssenceService UCUM = load();

    private UcumCodes() {}

    /** Empty when {@code code} is valid UCUM, otherwise why not. */
    public static Optional<String> problem(String code) {
        return Optional.ofNullable(UCUM.validate(code));
    }

    private static UcumEssenceService load() {
        try (InputStream essence = UcumCodes.class.getClassLoader().getResourceAsStream("ucum-essence.xml")) {
            if (essence == null) {
                throw new IllegalStateException("ucum-essence.xml is missing from the class path");
            }
            return new UcumEssenceService(essence);
        } catch (IOException | UcumException e) {
            throw new IllegalStateException("UCUM essence could not be read", e);
        }
    }
}
