package dev.sandboxec.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain depends on the JDK's java.* packages only: no framework, no adapter. */
@AnalyzeClasses(packages = "dev.sandboxec.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainUsesOnlyJava = classes().that().resideInAPackage("dev.sandboxec.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.sandboxec.domain..", "java..");
}
