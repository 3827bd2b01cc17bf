package org.wirearchive.batch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.remote.Brokers;
import org.wirearchive.batch.remote.EmbeddedBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** {@code broker}: a standalone Apache Artemis broker for managers and workers on several hosts. */
@Command(name = "broker", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Run a standalone Apache Artemis broker for remote-partitioned ingests (ingest --workers remote "
                + "--broker URL, worker --broker URL) until stopped (SIGTERM or Ctrl-C, exit 0). Queued partition "
                + "requests are kept on disk under --data, so they survive a restart of the broker. No database.")
public class BrokerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BrokerCommand.class);

    @Option(names = "--listen", paramLabel = "URL", defaultValue = RemoteManagerOptions.DEFAULT_LISTEN,
            description = "The address managers and workers connect to (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the broker's journal (DIR/broker) and the log file (default: ${DEFAULT-VALUE}).")
    Path data;

    /** An empty configuration: the broker command needs Boot's logging set-up only. */
    @Configuration(proxyBeanMethods = false)
    static class LoggingOnly {
    }

    @Override
    public Integer call() throws InterruptedException {
        String problem = Brokers.problem(listen);
        if (problem != null) {
            throw new UserError(ExitCodes.USAGE, "--listen " + listen + ": " + problem);
        }
        Path dir = data.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot create the data directory " + dir + ": " + e);
        }
        CountDownLatch stop = new CountDownLatch(1);
        // a context without any bean of the application: it sets up logging (console and DIR/logs) like the others
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LoggingOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.file.name=" + dir.resolve("logs").resolve("broker.log"),
                        "logging.level.org.apache.activemq=ERROR", "spring.main.register-shutdown-hook=false")
                .run();
             EmbeddedBroker broker = start(dir)) {
            // after the broker's start: the JVM's own handlers would run the shutdown hooks and exit 143
            for (String name : new String[] {"TERM", "INT"}) {
                Signal.handle(new Signal(name), s -> stop.countDown());
            }
            stop.await();
            log.info("Stop requested: stopping the broker");
        }
        return ExitCodes.OK;
    }

    private EmbeddedBroker start(Path dir) {
        try {
            return EmbeddedBroker.start(listen, dir.resolve("broker"), true);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot start the broker on " + listen + ": " + e.getMessage());
        }
    }
}
