/**
 * Documentation-only records: the shapes of the bodies the gateway passes on from the services behind
 * it, declared here so that the public OpenAPI document types every request and answer down to its
 * leaves. Nothing in the gateway builds or reads these records; the services' own records are the
 * source of truth and the contract tests compare both.
 */
package org.labrange.gateway.api.schema;
