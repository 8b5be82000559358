package org.labrange.tokencache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Verified bearer tokens remembered, so a repeated token is not verified on every request. */
@ConfigMapping(prefix = "labrange.security.token-cache")
public interface TokenCacheConfig {

    /** Most tokens remembered at once (0 = verify every request); past it the cache starts over. */
    @WithDefault("2000")
    int maxEntries();

    /** A remembered token is verified again after this long (never used past its exp). */
    @WithDefault("PT1M")
    Duration maxAge();
}
