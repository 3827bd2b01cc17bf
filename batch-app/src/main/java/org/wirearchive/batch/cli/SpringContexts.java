package org.wirearchive.batch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.WirearchiveApplication;

/**
 * Starts the Spring Boot application context for the commands that need the database.
 *
 * <p>The plain context (no web server, no remote partitioning) starts from the code that Spring AOT generated at build
 * time when the jar holds it ({@code WirearchiveApplication__ApplicationContextInitializer}): no configuration class
 * is parsed and no condition evaluated at run time. Those decisions were taken for the plain context, so only a
 * context whose properties cannot change them uses it: {@link #aotFits}. {@code -Dspring.aot.enabled=false} (the
 * launcher's {@code WIREARCHIVE_SPRING_AOT=off}) starts every context the usual way.
 */
final class SpringContexts {

    static final String AOT_ENABLED = "spring.aot.enabled";

    private static final String PREINITIALIZER_IGNORE = "spring.backgroundpreinitializer.ignore";

    private static final String AOT_INITIALIZER = WirearchiveApplication.class.getName()
            + "__ApplicationContextInitializer";

    /**
     * The properties that decide which beans the context has: every {@code @ConditionalOnProperty} of the application
     * (SpringContextsAotTests checks that this list names them all).
     */
    static final Set<String> CONDITIONS = Set.of("wirearchive.workers", "wirearchive.remote.role",
            "wirearchive.console.enabled");

    /** Spring's properties that the CLI sets and that decide nothing at start-up: values only, no bean comes or goes. */
    private static final Set<String> SPRING_NEUTRAL = Set.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.main.register-shutdown-hook");

    private static final List<String> NEUTRAL_PREFIXES = List.of("logging.",
            "spring.datasource.hikari.data-source-properties.");

    private SpringContexts() {
    }

    static ConfigurableApplicationContext start(DatabaseOptions db, Map<String, Object> extra) {
        return start(db.springProperties(), extra);
    }

    /** For the commands that only read: a database that does not exist is refused (exit 3), nothing is created. */
    static ConfigurableApplicationContext startExisting(DatabaseOptions db, Map<String, Object> extra) {
        return start(db.existingDatabaseProperties(), extra);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database, Map<String, Object> extra) {
        // Boot's background pre-initializer (charsets, the conversion service, time zones and the like, warmed up
        // on a second thread) only competes with the command's start-up for the machine's cores: nothing of it is
        // needed before the first input walk (alternating nothing-new ingests, 100,000 files: 1.82 -> 1.63 s to the
        // walk, 2.99 -> 2.66 s of CPU). Read when the application is made; an explicit setting wins.
        boolean preinitializerSet = System.getProperty(PREINITIALIZER_IGNORE) != null;
        if (!preinitializerSet) {
            System.setProperty(PREINITIALIZER_IGNORE, "true");
        }
        Map<String, Object> props = new LinkedHashMap<>(database);
        props.put("wirearchive.operator-zone", OperatorZone.get().getId()); // the console's times
        props.putAll(extra);
        try {
            return run(aotFits(props), () -> WirearchiveApplication.plainContext().properties(props).run());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage());
            if (why.startsWith("The file is locked") || why.startsWith("Database may be already in use")) {
                // an H2 file opened by another program without AUTO_SERVER=TRUE: it holds the file for itself
                why += " (another program has it open for itself: close it; readers connect with ;AUTO_SERVER=TRUE"
                        + " so that they share it with the night, see docs/reports.md)";
            }
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot open the database "
                    + withoutPassword(String.valueOf(props.get("spring.datasource.url"))) + ": " + why);
        } finally {
            if (!preinitializerSet) {
                System.clearProperty(PREINITIALIZER_IGNORE);
            }
        }
    }

    /**
     * Starts the application as a web server (only {@code serve} does): the same context as the other commands, plus
     * embedded Tomcat and the console's controllers, with {@code settings} registered as a bean.
     */
    static ConfigurableApplicationContext startWeb(DatabaseOptions db, Map<String, Object> extra, Object settings,
                                                   String listen) {
        Map<String, Object> props = new LinkedHashMap<>(db.springProperties());
        props.putAll(extra);
        try {
            return run(false, () -> new SpringApplicationBuilder(WirearchiveApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(props)
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("consoleSettings", settings))
                    .run());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof java.net.BindException || String.valueOf(e.getMessage()).contains("Port")) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot listen on " + listen + ": " + root.getMessage());
            }
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot open the database "
                    + withoutPassword(String.valueOf(props.get("spring.datasource.url"))) + ": " + root.getMessage());
        }
    }

    /**
     * Whether a plain context with these properties may start from the AOT-generated code: only when no property is
     * one that a condition reads ({@code --workers remote}, {@code worker} and the console set such ones), and every
     * Spring property is one of the few known to decide nothing.
     */
    static boolean aotFits(Map<String, Object> props) {
        return props.keySet().stream().allMatch(key -> key.startsWith("wirearchive.") ? !CONDITIONS.contains(key)
                : SPRING_NEUTRAL.contains(key) || NEUTRAL_PREFIXES.stream().anyMatch(key::startsWith));
    }

    /**
     * Runs {@code start} with Spring's AOT switch (a system property Spring reads throughout the start) on when
     * {@code aot} and the jar holds the generated code and the caller did not turn it off, off otherwise; the
     * property is restored afterwards.
     */
    private static ConfigurableApplicationContext run(boolean aot, Supplier<ConfigurableApplicationContext> start) {
        String before = System.getProperty(AOT_ENABLED);
        boolean use = aot && !"false".equalsIgnoreCase(before)
                && ClassUtils.isPresent(AOT_INITIALIZER, SpringContexts.class.getClassLoader());
        System.setProperty(AOT_ENABLED, Boolean.toString(use));
        try {
            return start.get();
        } finally {
            if (before == null) {
                System.clearProperty(AOT_ENABLED);
            } else {
                System.setProperty(AOT_ENABLED, before);
            }
        }
    }

    /** The URL as it may be shown: a password inside it ({@code ?password=}, {@code ;PASSWORD=}) is masked. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }
}
