package com.shiftrelay.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * On PostgreSQL every test context gets a schema of its own in the one test database, as each gets a database of its
 * own in memory on H2: no test meets another one's managers, deals or process instances. ShiftRelay's tables
 * (Flyway) and the engine's (schema-update) go there through the connection's current schema; the engine is told the
 * schema too, or it would take another context's tables for its own. Registered for every test context in
 * META-INF/spring.factories.
 */
public class FreshPostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (!environment.acceptsProfiles(Profiles.of("postgres")) || url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(url,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test schema " + schema + " in " + url, e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("freshPostgresSchema", Map.of(
                "spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "camunda.bpm.database.schema-name", schema,
                "camunda.bpm.database.table-prefix", schema + ".")));
    }
}
