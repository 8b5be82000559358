package org.labrange.gateway.fhir.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ObservationDefinition;

/** Search and history Bundles of ObservationDefinitions. */
final class FhirBundles {

    private FhirBundles() {}

    static Bundle searchset(String base, UriInfo uri, List<ObservationDefinition> found) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(found.size());
        bundle.getMeta().setLastUpdated(new Date());
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        for (ObservationDefinition definition : found) {
            bundle.addEntry()
                    .setFullUrl(base + "/ObservationDefinition/"
                            + definition.getIdElement().getIdPart())
                    .setResource(definition)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** Newest version first, as FHIR history is ordered. */
    static Bundle history(String base, List<ObservationDefinition> versions) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
        bundle.setTotal(versions.size());
        for (int i = versions.size() - 1; i >= 0; i--) {
            ObservationDefinition version = versions.get(i);
            String id = version.getIdElement().getIdPart();
            String vid = version.getMeta().getVersionId();
            Bundle.BundleEntryComponent entry = bundle.addEntry()
                    .setFullUrl(base + "/ObservationDefinition/" + id)
                    .setResource(version);
            entry.getRequest()
                    .setMethod(i == 0 ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT)
                    .setUrl(i == 0 ? "ObservationDefinition" : "ObservationDefinition/" + id);
            entry.getResponse()
                    .setStatus(i == 0 ? "201 Created" : "200 OK")
                    .setEtag("W/\"" + vid + "\"")
                    .setLastModified(version.getMeta().getLastUpdated())
                    .setLocation("ObservationDefinition/" + id + "/_history/" + vid);
        }
        return bundle;
    }
}
