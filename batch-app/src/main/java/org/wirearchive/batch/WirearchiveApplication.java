package org.wirearchive.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.wirearchive.batch.cli.WirearchiveCli;

/**
 * Entry point. The command line is parsed first (picocli); only the commands that need the database and the job
 * repository ({@code ingest}, {@code jobs}, {@code report}, ...) start a Spring Boot context, with this class as its
 * configuration root.
 */
@SpringBootApplication
public class WirearchiveApplication {

    public static void main(String[] args) {
        OperatorZone.captureThenUseUtc(); // before anything reads the default zone: see OperatorZone
        System.exit(WirearchiveCli.run(args));
    }
}
