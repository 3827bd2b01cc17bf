package org.wirearchive.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Flyway's start-up without its validation when the schema is current: every versioned migration on the class path
 * ({@code V<version>__<name>.sql} under the configured locations) is already applied, successfully, in Flyway's
 * history table, and no migration there failed. Then nothing would be migrated, and {@code migrate()} would only
 * validate (read and checksum every script, lock the history table): a few hundred milliseconds of every start.
 * Otherwise (a new database, an upgrade with a new migration, a failed one, an unreadable history, repeatable
 * scripts, locations outside the class path) it calls {@code migrate()} as before, which validates and applies. The
 * schema's migrations are SQL scripts only (no Java migrations), so the scripts are the whole list.
 */
public final class MigrateUnlessCurrent {

    private static final Logger log = LoggerFactory.getLogger(MigrateUnlessCurrent.class);
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");
    private static final Pattern OTHER = Pattern.compile("[RU].*__.*\\.sql");

    public void migrate(Flyway flyway) {
        if (isCurrent(flyway)) {
            log.debug("Schema current: every migration is applied; Flyway's validation skipped");
            return;
        }
        flyway.migrate();
    }

    /**
     * Whether the schema is current without a {@link Flyway} object (making one costs a few hundred milliseconds of a
     * start-up): the same check as {@link #migrate} on the class-path {@code locations} ({@code classpath:db/migration})
     * and Flyway's history {@code table} in {@code dataSource}; logs the same line when it is.
     */
    public static boolean skipIfCurrent(List<String> locations, DataSource dataSource, String table) {
        Set<String> wanted = migrationVersions(locations.stream().map(Location::new).toArray(Location[]::new));
        Set<String> applied = wanted.isEmpty() ? null : appliedVersions(dataSource, table);
        if (applied != null && applied.containsAll(wanted)) {
            log.debug("Schema current: every migration is applied; Flyway's validation skipped");
            return true;
        }
        return false;
    }

    static boolean isCurrent(Flyway flyway) {
        Set<String> wanted = migrationVersions(flyway.getConfiguration().getLocations());
        if (wanted.isEmpty()) {
            return false;
        }
        Set<String> applied = appliedVersions(flyway.getConfiguration().getDataSource(),
                flyway.getConfiguration().getTable());
        return applied != null && applied.containsAll(wanted);
    }

    /** Versions of the {@code V…__….sql} scripts under the class-path locations, normalized ("1.0" = "1"). */
    static Set<String> migrationVersions(Location[] locations) {
        Set<String> versions = new HashSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Location location : locations) {
            if (!location.isClassPath()) {
                return Set.of(); // only class-path scripts are known here: let Flyway decide
            }
            try {
                for (Resource r : resolver.getResources("classpath*:" + location.getPath() + "/**/*.sql")) {
                    String name = String.valueOf(r.getFilename());
                    Matcher m = VERSIONED.matcher(name);
                    if (m.matches()) {
                        versions.add(normalize(m.group(1)));
                    } else if (OTHER.matcher(name).matches()) {
                        return Set.of(); // repeatable or undo scripts: Flyway decides whether they are due
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versions;
    }

    /**
     * Successfully applied versions in the history table, or null when the table is missing or unreadable, or when
     * a migration in it failed (then Flyway must report or repair it).
     */
    static Set<String> appliedVersions(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"" + table.replace("\"", "\"\"")
                     + "\" WHERE \"version\" IS NOT NULL")) {
            Set<String> versions = new HashSet<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return null;
                }
                versions.add(normalize(rs.getString(1)));
            }
            return versions;
        } catch (SQLException e) {
            return null; // no history table yet (a new database), or one we cannot read: Flyway decides
        }
    }

    /** "1_1" and "1.1" are the same version, and trailing ".0" parts do not count, as in Flyway. */
    static String normalize(String version) {
        String v = version.replace('_', '.');
        while (v.endsWith(".0") && v.length() > 2) {
            v = v.substring(0, v.length() - 2);
        }
        return v.replaceFirst("^0+(?=\\d)", "");
    }
}
