package org.wirearchive.batch;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The Spring Boot configuration root: its package and those below it are scanned. The entry point is
 * {@code cli.WirearchiveCli}: the command line is parsed first (picocli); only the commands that need the database
 * and the job repository ({@code ingest}, {@code jobs}, {@code report}, ...) start a Spring Boot context, with this
 * class as its root. This package holds what every part of the application shares and depends on no other.
 */
@SpringBootApplication
public class WirearchiveApplication {

    /**
     * Only for the build's Spring AOT processing (spring-boot-maven-plugin {@code process-aot}): starts the context
     * the plain commands use (no web server, no remote partitioning, no console), whose bean definitions the plugin
     * turns into code. The jar's entry point is {@code cli.WirearchiveCli}.
     */
    public static void main(String[] args) {
        plainContext().run(args);
    }

    /**
     * The application of the plain commands' context: no web server, no banner, no start-up info line, and without
     * the auto-configurations only the console's web server uses (JSON mapper, HTTP message converters: on the class
     * path for {@code serve}, whose context keeps them), and without annotation-driven transactions and auto-proxying
     * (nothing uses them; the job repository and the steps make their own transaction proxies), and without those
     * of services no command uses (listed below).
     */
    public static SpringApplicationBuilder plainContext() {
        return new SpringApplicationBuilder(WirearchiveApplication.class)
                .main(WirearchiveApplication.class) // names the AOT initializer: WirearchiveApplication__...
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.autoconfigure.exclude="
                        + "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration,"
                        + "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration,"
                        // no @Transactional (nor any other advice) in the application or Spring Batch: without them
                        // no auto-proxy creator checks every bean's methods against the transaction advisor at start
                        + "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration,"
                        // nothing in these commands uses them: SSL bundles, build and git info, JTA, SQL scripts at
                        // start-up (Flyway makes the schema), JdbcClient, @Repository exception translation (a post-
                        // processor that checks every bean), availability probes, Boot's task executor and scheduler
                        // builders (the parse executor is the application's own); each of their beans cost the
                        // start of every night its creation and Boot's search for @ConfigurationProperties on it
                        + "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration,"
                        + "org.springframework.boot.transaction.jta.autoconfigure.JtaAutoConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration,"
                        + "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration");
    }
}
