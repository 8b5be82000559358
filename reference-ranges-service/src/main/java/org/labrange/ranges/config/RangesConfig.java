package org.labrange.ranges.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the reference-ranges service (environment variables LABRANGE_*). */
@ConfigMapping(prefix = "labrange")
public interface RangesConfig {

    /** Largest request body accepted, in bytes; larger bodies get a 413 problem document. */
    @WithDefault("5242880")
    long maxBodyBytes();

    /** Most ranges accepted in one import. */
    @WithDefault("10000")
    int maxImportRows();

    /** Most changes returned by one page of the change feed. */
    @WithDefault("1000")
    int maxChangesPage();
}
