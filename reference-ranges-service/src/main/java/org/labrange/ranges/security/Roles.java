package org.labrange.ranges.security;

/** Role names carried in the token's groups claim, as the resources require them. */
public final class Roles {
    public static final String READER = "ranges-reader";
    public static final String ADMIN = "ranges-admin";
    public static final String INTERPRETER = "interpreter";

    private Roles() {}
}
