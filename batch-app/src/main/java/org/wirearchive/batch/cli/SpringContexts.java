package org.wirearchive.batch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.WirearchiveApplication;

/** Starts the Spring Boot application context for the commands that need the database. */
final class SpringContexts {

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
        Map<String, Object> props = new LinkedHashMap<>(database);
        props.put("wirearchive.operator-zone", OperatorZone.get().getId()); // the console's times
        props.putAll(extra);
        try {
            return new SpringApplicationBuilder(WirearchiveApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(props)
                    .run();
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
            return new SpringApplicationBuilder(WirearchiveApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(props)
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("consoleSettings", settings))
                    .run();
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

    /** The URL as it may be shown: a password inside it ({@code ?password=}, {@code ;PASSWORD=}) is masked. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }
}
