package org.wirearchive.batch.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.wirearchive.batch.console.Nights;

/**
 * The layering drawn in docs/architecture.md, checked on the compiled main classes of every module (batch-app sees
 * core and reports on its class path). A rule that fails names the offending dependencies; the fix is to move a type
 * to the package both sides may use, never to widen the rule.
 */
class ArchitectureTests {

    static JavaClasses project;

    @BeforeAll
    static void importProject() {
        project = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // not the code Spring AOT generates at package time (Foo__BeanDefinitions, Foo$$SpringCGLIB$$0): it
                // wires every package from the application root, as the context does at run time
                .withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
                .importPackages("org.wirearchive");
    }

    @Test
    void theRulesSeeEveryModule() {
        // an empty import would make every rule pass vacuously
        for (String pkg : new String[] {"org.wirearchive.core.extract", "org.wirearchive.core.dedup",
                "org.wirearchive.store", "org.wirearchive.reports", "org.wirearchive.batch.cli", "org.wirearchive.batch.ingest",
                "org.wirearchive.batch.console"}) {
            assertThat(project.stream().filter(c -> c.getPackageName().equals(pkg))).as(pkg).hasSizeGreaterThan(3);
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.wirearchive.(**)").should().beFreeOfCycles().check(project);
    }

    @Test
    void coreIsPlainJava() {
        noClasses().that().resideInAPackage("org.wirearchive.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(project);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.wirearchive.core..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.wirearchive.store..", "org.wirearchive.reports..", "org.wirearchive.batch..")
                .check(project);
    }

    @Test
    void theStoreIsJdbcWithoutSpringBootOrBatchAndKnowsNoClient() {
        noClasses().that().resideInAPackage("org.wirearchive.store..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.boot..", "org.springframework.batch..",
                        "org.wirearchive.reports..", "org.wirearchive.batch..")
                .check(project);
    }

    @Test
    void onlyTheStoreHoldsTheSchema() {
        // the migrations are resources of the store module: no other module's jar may carry db/migration scripts
        for (String module : new String[] {"core", "reports", "batch-app"}) {
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("wirearchive.root", ".."), module,
                    "src/main/resources/db");
            assertThat(dir).as(module + " must not hold migrations").doesNotExist();
        }
        assertThat(String.valueOf(ArchitectureTests.class.getResource("/db/migration/V1__store.sql"))).contains("store");
    }

    @Test
    void reportsKnowNothingOfSpringBatchNorOfTheApplication() {
        noClasses().that().resideInAPackage("org.wirearchive.reports..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.batch..", "org.wirearchive.batch..")
                .check(project);
    }

    @Test
    void servicesDoNotDependOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.wirearchive.batch.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.wirearchive.batch.cli..")
                .check(project);
    }

    @Test
    void theApplicationRootDependsOnNoOtherPackageOfTheApplication() {
        // WirearchiveApplication, ExitCodes, Refusal, OperatorZone: shared by every package below
        noClasses().that().resideInAPackage("org.wirearchive.batch")
                .should().dependOnClassesThat().resideInAPackage("org.wirearchive.batch.*..")
                .check(project);
    }

    @Test
    void theGeneratorDoesNotDependOnTheParser() {
        noClasses().that().resideInAPackage("org.wirearchive.core.generate..")
                .should().dependOnClassesThat().resideInAPackage("org.wirearchive.core.extract..")
                .check(project);
    }

    @Test
    void reportsRenderWhatTheStoreReturnsAndTouchNoDatabaseApi() {
        // the report queries are the store's (org.wirearchive.store.report); a DataSource is only passed through
        noClasses().that().resideInAPackage("org.wirearchive.reports..")
                .should().dependOnClassesThat(resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..", "org.springframework.dao..")
                        .and(not(belongToAnyOf(javax.sql.DataSource.class))))
                .check(project);
        noClasses().that().resideInAPackage("org.wirearchive.reports..")
                .should().dependOnClassesThat().resideInAPackage("org.wirearchive.store")
                .check(project);
    }

    /**
     * Only the store runs SQL on the product's tables. Outside it, nothing calls a JdbcTemplate nor a JDBC connection,
     * statement or result set, except the two readers of Spring Batch's own tables ({@code BATCH_*}, Spring Batch's
     * schema, not the store's): {@code console.Nights} (a failed execution's stored stack trace) and
     * {@code remote.PartitionProgress} (the partitions' step executions by status). Passing a JdbcTemplate to a store
     * class's constructor is allowed.
     */
    @Test
    void onlyTheStoreRunsSql() {
        noClasses().that().resideOutsideOfPackage("org.wirearchive.store..")
                .and().doNotBelongToAnyOf(Nights.class)
                .and().doNotHaveFullyQualifiedName("org.wirearchive.batch.remote.PartitionProgress")
                .should().accessClassesThat(assignableTo(JdbcOperations.class)
                        .or(assignableTo(java.sql.Connection.class)).or(assignableTo(java.sql.Statement.class))
                        .or(assignableTo(java.sql.ResultSet.class)).or(assignableTo(java.sql.DriverManager.class)))
                .check(project);
    }
}
