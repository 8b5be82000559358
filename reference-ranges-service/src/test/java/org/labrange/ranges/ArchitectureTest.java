package org.labrange.ranges;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package roles of the house style, checked on the compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "org.labrange.ranges";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void domainUsesNoFramework() {
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
    void resourcesNeverReachPersistence() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".persistence..")
                .check(classes);
    }

    @Test
    void rolePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void entitiesStayInsidePersistence() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage(ROOT + ".persistence..")
                .andShould()
                .onlyHaveDependentClassesThat()
                .resideInAPackage(ROOT + ".persistence..")
                .check(classes);
    }
}
