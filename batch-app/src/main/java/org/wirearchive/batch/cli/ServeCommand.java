package org.wirearchive.batch.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.console.ConsoleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the operator console, a web server over the store and the job repository. Operator actions run as
 * child processes of this application ({@code jobs restart|stop|abandon|recover}), so the console never holds the
 * ingest lock and never dies with an action.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "The operator console: every night, its steps, failure, reports and log; article search; "
                + "restart, recover, stop or abandon a night from the browser or the JSON API (docs/console.md).")
public class ServeCommand implements Callable<Integer> {

    static final String TOKEN_ENV = "WIREARCHIVE_CONSOLE_TOKEN";

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback needs a token.")
    String listen;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the bearer token that operator actions need (default: env " + TOKEN_ENV
                    + "). Without a token the console is read-only.")
    Path tokenFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Base directory of the nights' reports, DIR/<run-date>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String[] hostPort = parseListen(listen);
        String host = hostPort[0];
        int port = Integer.parseInt(hostPort[1]);
        String token = token();
        if (token == null && !loopback(host)) {
            throw new UserError(ExitCodes.USAGE, "refusing to listen on " + listen + " without a token: actions on "
                    + "a non-loopback address need --token-file FILE or " + TOKEN_ENV);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(ConsoleSettings.ENABLED, "true");
        props.put("server.address", host);
        props.put("server.port", port);
        props.put("server.error.whitelabel.enabled", "false");
        props.put("server.error.include-stacktrace", "never");
        props.put("server.error.include-message", "never");
        props.put("server.servlet.session.persistent", "false");
        props.put("spring.mvc.problemdetails.enabled", "false");
        props.put("logging.level.org.wirearchive.batch.console", "INFO");
        // a port in use is reported in one line by SpringContexts.startWeb; the context's own warning would repeat it
        props.put("logging.level.org.springframework.boot.web", "ERROR");
        Map<String, Object> dbProps = db.springProperties();
        String url = String.valueOf(dbProps.get("spring.datasource.url"));
        ConsoleSettings settings = new ConsoleSettings(token, out.toAbsolutePath().normalize(), db.dataDir(),
                SpringContexts.withoutPassword(url), childCommand(), childArgs(), childEnv());
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext ctx = SpringContexts.startWeb(db, props, settings, listen);
        ctx.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        String actual = ctx.getEnvironment().getProperty("local.server.port", String.valueOf(port));
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        spec.commandLine().getOut().printf(Locale.ROOT, "Console on http://%s:%s/ (%s); database %s; reports in %s%n",
                shownHost, actual, token == null ? "read-only: no token configured" : "actions need the bearer token",
                settings.databaseShown(), settings.outDir());
        spec.commandLine().getOut().flush();
        closed.await();
        return ExitCodes.OK;
    }

    static String[] parseListen(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0 || colon == listen.length() - 1) {
            throw new UserError(ExitCodes.USAGE, "--listen must be HOST:PORT, not " + listen);
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UserError(ExitCodes.USAGE, "--listen: bad port in " + listen);
        }
        return new String[] {host, Integer.toString(port)};
    }

    static boolean loopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new UserError(ExitCodes.USAGE, "--listen: unknown host " + host);
        }
    }

    private String token() {
        if (tokenFile != null) {
            try {
                String t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                if (t.isEmpty()) {
                    throw new UserError(ExitCodes.ENVIRONMENT, "the token file " + tokenFile + " is empty");
                }
                return t;
            } catch (IOException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot read the token file " + tokenFile + ": "
                        + DatabaseOptions.reason(e));
            }
        }
        String env = System.getenv(TOKEN_ENV);
        return env == null || env.isBlank() ? null : env.strip();
    }

    /** java, this JVM's options (heap, -D properties), then the jar this process runs, or its class path. */
    static List<String> childCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-Xrunjdwp")
                    && !arg.startsWith("-XX:Flags") && !arg.startsWith("-Dwirearchive.console")) {
                cmd.add(arg);
            }
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            cmd.add("-jar");
            cmd.add(Path.of(classPath).toAbsolutePath().toString());
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(WirearchiveCli.class.getName());
        }
        return cmd;
    }

    private List<String> childArgs() {
        List<String> args = new ArrayList<>(List.of("--data", db.dataDir().toString()));
        if (db.dbUrl != null) {
            args.add("--db-url");
            args.add(db.dbUrl);
        }
        if (db.dbUser != null) {
            args.add("--db-user");
            args.add(db.dbUser);
        }
        return args;
    }

    private Map<String, String> childEnv() {
        Map<String, String> env = new HashMap<>();
        if (db.dbPassword != null) {
            env.put("WIREARCHIVE_DB_PASSWORD", db.dbPassword);
        }
        return env;
    }
}
