package org.labelbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
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
        // Any test-classes folder, not only Maven's default target/: builds may use another directory.
        ImportOption mainClassesOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(mainClassesOnly).importPackages("org.labelbench");
    }

    /** SQL, and the SQLite driver, stay behind the store: the seam a second dialect plugs into. */
    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("org.labelbench.project..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .check(classes);
    }

    @Test
    void nothingOutsideUiImportsJavafx() {
        noClasses().that().resideOutsideOfPackage("org.labelbench.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.kordamp.ikonli..")
                .check(classes);
    }

    /**
     * Every package is a layer, from the launcher down to the store and the two leaves under it;
     * a layer may use only the layers below it that it is listed as using (docs/architecture.md §1).
     */
    @Test
    void everyPackageIsALayerAndUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Launcher").definedBy("org.labelbench")
                .layer("Cli").definedBy("org.labelbench.cli..")
                .layer("Ui").definedBy("org.labelbench.ui..")
                .layer("Bench").definedBy("org.labelbench.bench..")
                .layer("Assist").definedBy("org.labelbench.assist..")
                .layer("Ingest").definedBy("org.labelbench.ingest..")
                .layer("Dataset").definedBy("org.labelbench.dataset..")
                .layer("Analysis").definedBy("org.labelbench.analysis..")
                .layer("Agreement").definedBy("org.labelbench.agreement..")
                .layer("Labeling").definedBy("org.labelbench.labeling..")
                .layer("Store").definedBy("org.labelbench.project..")
                .layer("Media").definedBy("org.labelbench.media..")
                .layer("Jobs").definedBy("org.labelbench.jobs..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Bench").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Assist").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench")
                .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench")
                .whereLayer("Dataset").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench", "Assist", "Ingest")
                .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench", "Assist", "Ingest", "Dataset")
                .whereLayer("Agreement").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench", "Assist", "Analysis",
                        "Dataset")
                .whereLayer("Labeling").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench", "Assist", "Ingest",
                        "Analysis", "Agreement")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Launcher", "Cli", "Ui", "Bench", "Assist", "Ingest",
                        "Dataset", "Analysis", "Agreement", "Labeling")
                .whereLayer("Media").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench", "Assist", "Ingest", "Dataset",
                        "Analysis")
                .whereLayer("Jobs").mayOnlyBeAccessedByLayers("Cli", "Ui", "Bench", "Assist", "Ingest", "Dataset",
                        "Analysis", "Agreement", "Labeling")
                .check(classes);
    }

    @Test
    void theCoreKnowsNeitherFace() {
        noClasses().that().resideInAnyPackage("org.labelbench.project..", "org.labelbench.media..",
                "org.labelbench.ingest..", "org.labelbench.labeling..", "org.labelbench.jobs..",
                "org.labelbench.bench..", "org.labelbench.agreement..", "org.labelbench.analysis..",
                "org.labelbench.assist..", "org.labelbench.dataset..")
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
