package org.labrange.interpretation.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.labrange.interpretation.domain.InterpretationEngine;
import org.labrange.interpretation.domain.UnitConverter;

/** Builds the plain-Java domain objects once per application; a bad rules file stops the start. */
public class EngineProducer {

    @Produces
    @Singleton
    UnitConverter unitConverter() {
        return UnitConverter.fromBundledEssence();
    }

    @Produces
    @Singleton
    @Startup
    InterpretationEngine engine(UnitConverter units, InterpretationConfig config) {
        return new InterpretationEngine(
                units,
                KnowledgeBaseLoader.load(config.rulesLocation(), config.knowledgeDirectory()),
                config.timeZone());
    }
}
