package org.wirearchive.batch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.remote.Brokers;
import org.wirearchive.batch.remote.PartitionConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;

/** {@code worker}: a process that parses partitions of remote-partitioned ingests (docs/scale-out.md). */
@Command(name = "worker", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Run a worker of remote-partitioned ingests (ingest --workers remote): take partitions of a run's "
                + "input list from the broker, parse and fingerprint their files, and stage the results in the "
                + "shared database, until stopped (SIGTERM or Ctrl-C: the partition in progress is finished first, "
                + "then the worker exits 0). A worker killed mid-partition loses nothing: another one resumes it. "
                + "The worker waits for the broker while there is none (a manager's embedded broker exists only while "
                + "its run lasts).")
public class WorkerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Option(names = "--broker", required = true, paramLabel = "URL",
            description = "The Apache Artemis broker of the managers, e.g. tcp://manager.example:61616.")
    String broker;

    @Option(names = "--parse-threads", paramLabel = "N",
            description = "Files parsed at once (default: one per processor).")
    Integer parseThreads;

    // not the DatabaseOptions mixin: its help offers an embedded H2 database by default, and a worker has none
    @Option(names = "--db-url", paramLabel = "URL",
            description = "The managers' shared database, required (a worker has no database of its own), e.g. "
                    + "jdbc:postgresql://db.example/wirearchive. Default: env WIREARCHIVE_DB_URL.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: env WIREARCHIVE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password (default: env WIREARCHIVE_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the worker's log file, logs/wirearchive.log (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path data;

    private final DatabaseOptions db = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String problem = Brokers.problem(broker);
        if (problem != null) {
            throw new UserError(ExitCodes.USAGE, "--broker " + broker + ": " + problem);
        }
        if (parseThreads != null && parseThreads < 1) {
            throw new UserError(ExitCodes.USAGE, "--parse-threads must be positive: " + parseThreads);
        }
        db.data = data;
        db.dbUrl = dbUrl;
        db.dbUser = dbUser;
        db.dbPassword = dbPassword;
        if (DatabaseOptions.firstNonBlank(db.dbUrl, System.getenv("WIREARCHIVE_DB_URL")) == null) {
            throw new UserError(ExitCodes.USAGE, "a worker needs the manager's database: --db-url URL (or the "
                    + "environment variable WIREARCHIVE_DB_URL)");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("wirearchive.remote.role", "worker");
        props.put("wirearchive.remote.broker-url", broker);
        props.put("logging.level.org.apache.activemq", "ERROR"); // the client's notices; ours say what matters
        // the signal handlers below stop the worker between partitions; Boot's hook would close the database first
        props.put("spring.main.register-shutdown-hook", "false");
        if (parseThreads != null) {
            props.put("wirearchive.parse-threads", parseThreads);
        }
        AtomicBoolean stop = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> {
                if (stop.compareAndSet(false, true)) {
                    log.info("Stop requested (SIG{}): finishing the partition in progress, if any, then exiting",
                            s.getName());
                }
            });
        }
        try (ConfigurableApplicationContext ctx = SpringContexts.start(db, props)) {
            log.info("Worker {} started: broker {}, database {}", ProcessHandle.current().pid(), broker,
                    SpringContexts.withoutPassword(String.valueOf(db.springProperties().get("spring.datasource.url"))));
            int n = ctx.getBean(PartitionConsumer.class).run(stop::get);
            log.info("Worker stopped after {} partition request(s)", n);
        }
        return ExitCodes.OK;
    }
}
