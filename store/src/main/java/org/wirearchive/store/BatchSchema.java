package org.wirearchive.store;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether Spring Batch's job repository schema is there: its six {@code BATCH_*} tables and three sequences, in the
 * connection's current schema (H2 and PostgreSQL). Spring Batch's script creates exactly these, and with nothing
 * missing running it again would only fail on every statement; the application skips it then.
 */
public final class BatchSchema {

    /** The tables and sequences of Spring Batch's {@code schema-*.sql} (upper case). */
    static final List<String> TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT",
            "BATCH_JOB_EXECUTION_CONTEXT");
    static final List<String> SEQUENCES = List.of("BATCH_STEP_EXECUTION_SEQ", "BATCH_JOB_EXECUTION_SEQ",
            "BATCH_JOB_INSTANCE_SEQ");

    private BatchSchema() {
    }

    /** True when every table and sequence is there; false when one is missing or they cannot be read. */
    public static boolean isPresent(DataSource dataSource) {
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Set<String> tables = upper(jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = CURRENT_SCHEMA", String.class));
            Set<String> sequences = upper(jdbc.queryForList("SELECT sequence_name FROM information_schema.sequences "
                    + "WHERE sequence_schema = CURRENT_SCHEMA", String.class));
            return tables.containsAll(TABLES) && sequences.containsAll(SEQUENCES);
        } catch (RuntimeException unreadable) {
            return false; // then the script runs, as it always did
        }
    }

    private static Set<String> upper(List<String> names) {
        Set<String> set = new HashSet<>();
        for (String n : names) {
            set.add(n.toUpperCase(Locale.ROOT));
        }
        return set;
    }
}
