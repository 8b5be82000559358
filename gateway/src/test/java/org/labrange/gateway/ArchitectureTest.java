package org.labrange.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;

/** The package roles of the gateway (see the README's "Code layout"), checked on the compiled code. */
class ArchitectureTest {

    private static final String ROOT = "org.labrange.gateway";
    private static JavaClasses gateway;

    @BeforeAll
    static void importMainClasses() {
        gateway = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ROOT);
    }

    @Test
    void domainIsPlainJavaWithoutFrameworkOrJackson() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "org.eclipse.microprofile..",
                        "io.smallrye..",
                        "io.vertx..",
                        "org.hibernate..",
                        "com.fasterxml..",
                        "org.jboss..")
                .check(gateway);
    }

    @Test
    void domainKnowsNothingOfTheLayersAroundIt() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".api..",
                        ROOT + ".service..",
                        ROOT + ".client..",
                        ROOT + ".config..",
                        ROOT + ".security..")
                .check(gateway);
    }

    @Test
    void apiNeverDependsOnPersistence() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".persistence..")
                .check(gateway);
    }

    /**
     * Resources call a service method, or, for routes the gateway passes through unchanged, the client's
     * forwarder: nothing else of the upstream plumbing. Only the problem mapper knows the upstream failures.
     */
    @Test
    void apiReachesTheClientOnlyThroughTheForwarderForPassThroughRoutes() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".api")
                .should()
                .dependOnClassesThat(
                        resideInAPackage(ROOT + ".client..").and(not(belongToAnyOf(Forwarder.class, Upstream.class))))
                .check(gateway);
    }

    @Test
    void clientAndServiceNeverDependOnTheApi() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".client..", ROOT + ".service..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".api..")
                .check(gateway);
    }

    /** The FHIR interface is an add-on: the rest of the gateway never depends on it (nor on HAPI). */
    @Test
    void onlyTheFhirRoomKnowsFhir() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..")
                .and()
                .resideOutsideOfPackage(ROOT + ".fhir..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".fhir..", "ca.uhn.fhir..", "org.hl7.fhir..")
                .check(gateway);
    }

    /** FHIR mapping is plain model translation: no HTTP, no CDI, no upstream calls. */
    @Test
    void fhirMappingKnowsNoFrameworkAndNoUpstream() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".fhir.mapping..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "io.smallrye..",
                        "io.vertx..",
                        ROOT + ".client..",
                        ROOT + ".service..",
                        ROOT + ".api..",
                        ROOT + ".fhir.api..",
                        ROOT + ".fhir.service..")
                .check(gateway);
    }

    /** FHIR resources call the FHIR services; of the client they use only the forwarded-header rule. */
    @Test
    void fhirResourcesReachUpstreamsOnlyThroughTheFhirServices() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".fhir.api..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + ".client..").and(not(belongToAnyOf(Forwarder.class))))
                .check(gateway);
    }

    @Test
    void rolePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(gateway);
    }

    @Test
    void persistenceEntitiesStayInPersistence() {
        classes()
                .that()
                .areAnnotatedWith("jakarta.persistence.Entity")
                .should()
                .onlyBeAccessed()
                .byAnyPackage(ROOT + ".persistence..")
                .allowEmptyShould(true)
                .check(gateway);
    }
}
