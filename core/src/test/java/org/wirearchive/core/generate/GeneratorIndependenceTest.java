package org.wirearchive.core.generate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator is an independent oracle for the parser: it shares no class, table or constant with it. Checked on
 * the compiled classes (ArchUnit) and on the sources, since javac copies a {@code static final String} constant into
 * the class that uses it and leaves no dependency in the bytecode.
 */
class GeneratorIndependenceTest {

    static final String GENERATE = "org.wirearchive.core.generate..";
    static final Path SOURCES = Path.of("src", "main", "java", "org", "wirearchive", "core", "generate");

    static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.wirearchive.core");
    }

    @Test
    void theGeneratorDoesNotDependOnTheParser() {
        ArchRule rule = noClasses().that().resideInAPackage(GENERATE)
                .should().dependOnClassesThat().resideInAPackage("org.wirearchive.core.extract..");
        rule.check(core);
    }

    @Test
    void theGeneratorDependsOnNothingOfTheProjectButItself() {
        // not on the article model either: its constants (publication sources, formats) are the parser's vocabulary
        ArchRule rule = classes().that().resideInAPackage(GENERATE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(GENERATE, "java..");
        rule.check(core);
    }

    @Test
    void theGeneratorSourcesNameNoOtherPackageOfTheProject() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(text.replace("org.wirearchive.core.generate", ""))
                    .as("%s names another package of the project (a static import would inline its constants)", f)
                    .doesNotContain("org.wirearchive.");
        }
    }

    @Test
    void theRulesSeeTheGeneratorAndTheParser() {
        // an empty import would make both rules pass vacuously
        assertThat(core.stream().filter(c -> c.getPackageName().startsWith("org.wirearchive.core.generate")))
                .hasSizeGreaterThan(5);
        assertThat(core.stream().filter(c -> c.getPackageName().startsWith("org.wirearchive.core.extract")))
                .hasSizeGreaterThan(5);
    }
}
