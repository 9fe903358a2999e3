package org.labelbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, checked on the compiled classes. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.labelbench");
    }

    @Test
    void nothingOutsideUiImportsJavafx() {
        noClasses().that().resideOutsideOfPackage("org.labelbench.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void theCoreKnowsNeitherFace() {
        noClasses().that().resideInAnyPackage("org.labelbench.project..", "org.labelbench.media..",
                "org.labelbench.ingest..", "org.labelbench.labeling..", "org.labelbench.jobs..",
                "org.labelbench.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.labelbench.cli..", "org.labelbench.ui..")
                .check(classes);
    }

    @Test
    void theTwoFacesDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("org.labelbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.labelbench.ui..").check(classes);
        noClasses().that().resideInAPackage("org.labelbench.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.labelbench.cli..").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.labelbench.(*)..").should().beFreeOfCycles().check(classes);
    }
}
