package org.wirearchive.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Spring AOT fixes the plain context's beans at build time; a command whose properties would change them must start
 * the usual way. These tests tie {@link SpringContexts#aotFits} to the conditions the code really has and to the
 * properties the commands really set.
 */
class SpringContextsAotTests {

    @Test
    void everyPropertyConditionOfTheApplicationIsKnownToDecideTheContext() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.wirearchive");
        Set<String> read = new TreeSet<>();
        classes.forEach(c -> {
            Class<?> type = c.reflect();
            Stream.concat(Stream.<AnnotatedElement>of(type), Stream.of(type.getDeclaredMethods()))
                    .map(member -> member.getAnnotation(ConditionalOnProperty.class)).filter(Objects::nonNull)
                    .forEach(p -> {
                        String prefix = p.prefix().isEmpty() || p.prefix().endsWith(".") ? p.prefix()
                                : p.prefix() + ".";
                        Stream.concat(Stream.of(p.name()), Stream.of(p.value())).forEach(n -> read.add(prefix + n));
                    });
        });

        assertThat(read).as("the application's @ConditionalOnProperty names").isNotEmpty();
        assertThat(SpringContexts.CONDITIONS).containsAll(read);
        for (String key : read) {
            assertThat(SpringContexts.aotFits(Map.of(key, "x"))).as(key).isFalse();
        }
    }

    @Test
    void thePlainCommandsStartFromTheGeneratedCodeTheOthersDoNot(@TempDir Path dir) {
        DatabaseOptions pg = new DatabaseOptions();
        pg.data = dir;
        pg.dbUrl = "jdbc:postgresql://db.example/wa?user=u&password=p";
        assertThat(pg.springProperties()).containsKey("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts");
        assertThat(SpringContexts.aotFits(pg.springProperties())).as("PostgreSQL").isTrue();

        DatabaseOptions db = new DatabaseOptions();
        db.data = dir;
        Map<String, Object> ingest = new HashMap<>(db.springProperties());
        ingest.put("wirearchive.operator-zone", "UTC");
        ingest.putAll(Map.of("wirearchive.report-scope", "RUN", "wirearchive.max-input-mb", 64));
        assertThat(SpringContexts.aotFits(ingest)).as("ingest, jobs, report").isTrue();

        Map<String, Object> remote = new HashMap<>(ingest);
        remote.put("wirearchive.workers", "remote");
        assertThat(SpringContexts.aotFits(remote)).as("ingest --workers remote").isFalse();

        Map<String, Object> worker = new HashMap<>(ingest);
        worker.put("wirearchive.remote.role", "worker");
        assertThat(SpringContexts.aotFits(worker)).as("worker").isFalse();

        // a Spring property the CLI does not set today may decide a condition of Boot's auto-configuration
        assertThat(SpringContexts.aotFits(Map.of("spring.main.web-application-type", "servlet"))).isFalse();
        assertThat(SpringContexts.aotFits(Map.of("spring.datasource.type", "x"))).isFalse();
    }
}
