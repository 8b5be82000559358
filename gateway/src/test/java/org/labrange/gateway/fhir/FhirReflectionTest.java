package org.labrange.gateway.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The native build registers every model class HAPI loads by name; a HAPI upgrade that adds one fails here. */
class FhirReflectionTest {

    @Test
    void everyModelClassHapiLoadsByNameIsRegisteredForReflection() throws IOException {
        Properties model = new Properties();
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("org/hl7/fhir/r4/hapi/model/fhirversion.properties")) {
            model.load(in);
        }
        Set<String> registered = Set.of(
                FhirReflection.class.getAnnotation(RegisterForReflection.class).classNames());
        Set<String> missing = new TreeSet<>();
        model.values().forEach(name -> {
            String className = name.toString().trim();
            if (!className.isEmpty() && !registered.contains(className)) {
                missing.add(className);
            }
        });
        assertEquals(Set.of(), missing);
    }
}
