package org.labrange.interpretation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package roles of the house style, checked on the production classes. */
class ArchitectureTest {

    private static final String ROOT = "org.labrange.interpretation";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void domainIsPlainJavaWithoutFrameworks() {
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
                .check(classes);
    }

    @Test
    void apiReachesTheRangesServiceOnlyThroughTheServiceLayer() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".client..", ROOT + ".persistence..")
                .check(classes);
    }

    @Test
    void rolePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainDependsOnNoOtherRolePackage() {
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
                .check(classes);
    }
}
