package org.labrange.interpretation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "labrange.interpretation")
public interface InterpretationConfig {

    /** Largest batch accepted; larger requests are answered 413. */
    @WithDefault("10000")
    int maxBatchSize();

    /** Time zone in which a collection time becomes a collection date (the ranges' valid time is in dates). */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** Classpath location of the clinical rules file shipped with the service. */
    @WithDefault("knowledge/rules.json")
    String rulesLocation();

    /**
     * A directory of further rules files (every {@code *.json} in it, read in name order, in the same format as the
     * shipped file), e.g. a mounted ConfigMap: a lab adds what is known about its own analytes, keyed by LOINC code,
     * without a code change. Ids must be unique across all files; a bad file stops the start.
     */
    Optional<Path> knowledgeDirectory();

    Ranges ranges();

    WarmUp warmUp();

    interface WarmUp {
        /**
         * Rounds of a synthetic workload (a batch of eight results in both views and one single result, on ranges
         * held in memory) run at start, before the port opens, so that a new instance does not serve its first
         * requests with a cold JVM; 0 turns it off.
         */
        @WithDefault("2000")
        int rounds();
    }

    interface Ranges {
        /** At most one change check per interval: the bound on how long a new revision can go unused. */
        @WithDefault("5s")
        Duration checkInterval();

        /** How long cached ranges are trusted without a confirmation from the ranges service. */
        @WithDefault("60s")
        Duration maxStaleness();

        /** How long the analyte and source lists are kept before they are fetched again. */
        @WithDefault("5m")
        Duration catalogTtl();

        /**
         * Most (analyte, knownAt) views of past knowledge kept at once; rarely and least recently used ones are
         * evicted first. Each
         * holds one analyte's compiled ranges as known at that moment (a few kilobytes for the seeded B2M ranges).
         */
        @WithDefault("500")
        int pastViewsMaxSize();
    }
}
