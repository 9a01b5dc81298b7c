package dev.sandboxec.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Only the composition root sees the Linux adapters; the CLI itself talks to the domain's ports. */
@AnalyzeClasses(packages = "dev.sandboxec", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyWiringSeesTheNativeAdapter = noClasses().that()
            .resideOutsideOfPackages("dev.sandboxec.cli.wiring..", "dev.sandboxec.adapters.linux..")
            .should().dependOnClassesThat().resideInAPackage("dev.sandboxec.adapters.linux..");

    @ArchTest
    static final ArchRule domainDependsOnNoAdapter = noClasses().that().resideInAPackage("dev.sandboxec.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sandboxec.cli..", "dev.sandboxec.adapters..",
                    "picocli..", "com.google..", "jakarta..");
}
