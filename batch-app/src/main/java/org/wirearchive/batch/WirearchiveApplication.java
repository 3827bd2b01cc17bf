package org.wirearchive.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot configuration root: its package and those below it are scanned. The entry point is
 * {@code cli.WirearchiveCli}: the command line is parsed first (picocli); only the commands that need the database
 * and the job repository ({@code ingest}, {@code jobs}, {@code report}, ...) start a Spring Boot context, with this
 * class as its root. This package holds what every part of the application shares and depends on no other.
 */
@SpringBootApplication
public class WirearchiveApplication {
}
