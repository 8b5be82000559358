package org.labrange.ranges.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the resources every test application of this module shares (one fresh database, one key
 * pair and a free management port per run); being unrestricted, they apply to all @QuarkusTest and @QuarkusIntegrationTest classes.
 */
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(ManagementPort.class)
public final class SuiteResources {
    private SuiteResources() {}
}
