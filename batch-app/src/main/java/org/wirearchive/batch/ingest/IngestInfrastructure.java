package org.wirearchive.batch.ingest;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.wirearchive.batch.config.WirearchiveProperties;
import org.wirearchive.store.RunStore;
import org.wirearchive.reports.ReportWriter;
import org.wirearchive.reports.RunReportRequest;
import org.wirearchive.reports.Scope;
import org.wirearchive.store.IngestLockTable;

/** Beans the ingest job's steps share: run history and the report writer. */
@Configuration
public class IngestInfrastructure {

    @Bean
    public RunHistoryListener runHistoryListener(RunStore runs, Clock clock) {
        return new RunHistoryListener(runs, clock);
    }

    @Bean
    public RunReports runReports(DataSource dataSource,
                                 WirearchiveProperties properties) {
        String scope = properties.reportScope();
        Scope rows = Scope.valueOf(scope.strip().toUpperCase(java.util.Locale.ROOT));
        return (runId, outDir, excel) -> ReportWriter.writeRunReports(dataSource,
                new RunReportRequest(outDir, runId, rows, excel));
    }

    @Bean
    public IngestLock ingestLock(IngestLockTable table, WirearchiveProperties properties) {
        long expirySeconds = properties.lockExpirySeconds();
        return new IngestLock(table, expirySeconds);
    }

    @Bean
    public ReportTasklet reportTasklet(RunStore runs, RunReports reports, Clock clock, PlatformTransactionManager tm) {
        return new ReportTasklet(runs, reports, clock, tm);
    }
}
