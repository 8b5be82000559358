package org.labrange.ranges.api;

/** Role names carried in the token's groups claim. */
final class Roles {
    static final String READER = "ranges-reader";
    static final String ADMIN = "ranges-admin";
    static final String INTERPRETER = "interpreter";

    private Roles() {}
}
