package org.labrange.gateway.client;

/** The services behind the gateway, named as they appear in problem documents and health data. */
public enum Upstream {
    RANGES("reference-ranges-service"),
    INTERPRETATION("interpretation-service");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
