package org.wirearchive.batch.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.core.env.Environment;
import org.wirearchive.store.MigrateUnlessCurrent;

/**
 * Boot's Flyway initializer, with the {@link Flyway} object made only when a migration is due: making it (Flyway copies
 * its configuration's extensions through Jackson) took 15-19% of the main thread's time from the process start to the
 * first input walk of a nothing-new ingest. {@link #defer} (a bean factory post-processor of {@link StoreConfiguration})
 * makes the {@code flyway} bean lazy, drops it from the beans that wait for it (each of them waits for
 * {@code flywayInitializer} too) and has {@code flywayInitializer} made as this bean: when the schema is current
 * ({@link MigrateUnlessCurrent#skipIfCurrent}) nothing else happens; otherwise Boot's {@link FlywayMigrationInitializer}
 * runs with the {@code flyway} bean and the migration strategy, as before. A Flyway set up with its own URL, user or
 * schemas always goes the usual way.
 */
final class FlywayWhenDue implements InitializingBean {

    static final String FLYWAY = "flyway";
    static final String INITIALIZER = "flywayInitializer";

    private final ConfigurableListableBeanFactory beans;

    private FlywayWhenDue(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Rewires Boot's two Flyway beans as described above; does nothing while Spring AOT processes the build. */
    static void defer(ConfigurableListableBeanFactory beans) {
        if (Boolean.getBoolean("spring.aot.processing") || !beans.containsBeanDefinition(FLYWAY)
                || !beans.containsBeanDefinition(INITIALIZER)
                || !(beans.getBeanDefinition(INITIALIZER) instanceof AbstractBeanDefinition initializer)) {
            return;
        }
        beans.getBeanDefinition(FLYWAY).setLazyInit(true);
        for (String name : beans.getBeanDefinitionNames()) {
            BeanDefinition definition = beans.getBeanDefinition(name);
            List<String> dependsOn = definition.getDependsOn() == null ? List.of() : Arrays.asList(definition.getDependsOn());
            if (dependsOn.contains(FLYWAY) && (name.equals(INITIALIZER) || dependsOn.contains(INITIALIZER))) {
                definition.setDependsOn(dependsOn.stream().filter(d -> !d.equals(FLYWAY)).toArray(String[]::new));
            }
        }
        initializer.setInstanceSupplier(() -> new FlywayWhenDue(beans));
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        // the few spring.flyway.* settings this needs, bound one by one (binding all of FlywayProperties took a third
        // of the time saved); Boot's defaults from an unbound FlywayProperties
        Binder binder = Binder.get(beans.getBean(Environment.class));
        FlywayProperties defaults = new FlywayProperties();
        List<String> locations = binder.bind("spring.flyway.locations", Bindable.listOf(String.class))
                .orElse(defaults.getLocations());
        String table = binder.bind("spring.flyway.table", String.class).orElse(defaults.getTable());
        boolean ownConnectionOrSchema = Stream.of("url", "user", "default-schema")
                .anyMatch(key -> binder.bind("spring.flyway." + key, String.class).isBound())
                || binder.bind("spring.flyway.schemas", Bindable.listOf(String.class)).isBound();
        DataSource dataSource = beans.getBeanProvider(DataSource.class).getIfUnique();
        if (dataSource != null && !ownConnectionOrSchema
                && MigrateUnlessCurrent.skipIfCurrent(locations, dataSource, table)) {
            return;
        }
        new FlywayMigrationInitializer(beans.getBean(FLYWAY, Flyway.class),
                beans.getBeanProvider(FlywayMigrationStrategy.class).getIfAvailable()).afterPropertiesSet();
    }
}
