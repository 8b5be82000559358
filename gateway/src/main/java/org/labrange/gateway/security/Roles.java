package org.labrange.gateway.security;

/** The roles carried in the token's {@code groups} claim. */
public final class Roles {
    public static final String READER = "ranges-reader";
    public static final String ADMIN = "ranges-admin";
    public static final String INTERPRETER = "interpreter";

    private Roles() {}
}
