package org.labrange.interpretation.security;

/** The roles carried in the token's {@code groups} claim that this service admits. */
public final class Roles {
    public static final String ADMIN = "ranges-admin";
    public static final String INTERPRETER = "interpreter";

    private Roles() {}
}
