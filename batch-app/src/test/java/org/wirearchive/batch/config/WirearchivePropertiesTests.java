package org.wirearchive.batch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class WirearchivePropertiesTests {

    private static WirearchiveProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("wirearchive", WirearchiveProperties.class);
    }

    @Test
    void withNothingSetEveryDefaultApplies() {
        WirearchiveProperties p = bind(Map.of());
        assertThat(p.chunkSize()).isEqualTo(250);
        assertThat(p.progressSeconds()).isEqualTo(5);
        assertThat(p.chunkPauseMs()).isZero();
        assertThat(p.dedupCacheCopies()).isEqualTo(200_000);
        assertThat(p.parseThreads()).isZero();
        assertThat(p.maxInputMb()).isEqualTo(20);
        assertThat(p.lockExpirySeconds()).isEqualTo(120);
        assertThat(p.reportScope()).isEqualTo("store");
        assertThat(p.dataDir()).isEmpty();
        assertThat(p.remote().partitions()).isEqualTo(8);
        assertThat(p.remote().pollMs()).isEqualTo(1000);
        assertThat(p.remote().timeoutMs()).isEqualTo(-1);
        assertThat(p.remote().brokerUrl()).isNull();
        assertThat(p.remote().brokerName()).isNull();
    }

    @Test
    void setValuesWinAndTheBrokerNameDefaultsToItsUrl() {
        WirearchiveProperties p = bind(Map.of("wirearchive.chunk-size", "7", "wirearchive.data-dir", "/srv/wa data",
                "wirearchive.remote.broker-url", "tcp://broker.example:61616", "wirearchive.remote.partitions", "3"));
        assertThat(p.chunkSize()).isEqualTo(7);
        assertThat(p.dataDir()).isEqualTo("/srv/wa data");
        assertThat(p.remote().partitions()).isEqualTo(3);
        assertThat(p.remote().brokerName()).isEqualTo("tcp://broker.example:61616");
    }

    @Test
    void aTopLevelSettingBindsFromAnEnvironmentVariable() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test",
                Map.of("WIREARCHIVE_DEDUP_CACHE_COPIES", "1234")));
        WirearchiveProperties p = new Binder(ConfigurationPropertySources.get(env))
                .bindOrCreate("wirearchive", WirearchiveProperties.class);
        assertThat(p.dedupCacheCopies()).isEqualTo(1234);
    }

    /** The README's tuning table names real settings with the defaults the application really has. */
    @Test
    void theReadmeTuningTableMatchesTheDefaults() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\| `wirearchive\\.([a-z-]+)` \\| [^|]+ \\| ([^|]+) \\|$").matcher(readme);
        Map<String, String> table = new LinkedHashMap<>();
        while (m.find()) {
            table.put(m.group(1), m.group(2).strip());
        }
        assertThat(table).containsOnlyKeys("parse-threads", "chunk-size", "dedup-cache-copies", "chunk-pause-ms",
                "progress-seconds");
        WirearchiveProperties p = bind(Map.of());
        assertThat(table.get("parse-threads")).isEqualTo("one per processor");
        assertThat(p.parseThreads()).isZero(); // 0 means one per processor
        assertThat(table.get("chunk-size")).isEqualTo(Integer.toString(p.chunkSize()));
        assertThat(table.get("dedup-cache-copies")).isEqualTo(Integer.toString(p.dedupCacheCopies()));
        assertThat(table.get("chunk-pause-ms")).isEqualTo(Long.toString(p.chunkPauseMs()));
        assertThat(table.get("progress-seconds")).isEqualTo(Integer.toString(p.progressSeconds()));
    }
}
