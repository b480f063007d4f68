package com.shiftrelay.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.ShiftRelayApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process owner's routing table survives a restart: ShiftRelay deploys at start only what changed in the
 * application's own copies since its last deployment, so a version deployed from Camunda Modeler stays the latest,
 * and an unchanged application creates no new versions at all.
 */
class RoutingRulesRestartIT {

    @Test
    void aTableDeployedFromModelerIsStillTheOneInForceAfterARestart() throws IOException {
        String[] arguments = {
                "--spring.datasource.url=jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
                "--server.port=0", "--shiftrelay.sandbox.seed-demo-data=false",
                "--camunda.bpm.job-execution.enabled=false"};
        String changed = shippedTable().replace("Маршрутизация сделок", "Маршрутизация сделок (правка от пятницы)");
        long applicationDeployments;
        try (ConfigurableApplicationContext first = start(arguments)) {
            RepositoryService repository = first.getBean(RepositoryService.class);
            applicationDeployments = repository.createDeploymentQuery().deploymentName("SpringAutoDeployment").count();
            assertThat(latest(repository).getVersion()).isEqualTo(1);

            repository.createDeployment().name("DealRouting").source("Camunda Modeler").enableDuplicateFiltering(true)
                    .addString("DealRouting.dmn", changed).deploy();
            assertThat(latest(repository).getVersion()).isEqualTo(2);
        }

        try (ConfigurableApplicationContext second = start(arguments)) {
            RepositoryService repository = second.getBean(RepositoryService.class);
            DecisionDefinition inForce = latest(repository);
            assertThat(inForce.getVersion()).isEqualTo(2);
            assertThat(repository.createDeploymentQuery().deploymentId(inForce.getDeploymentId()).singleResult()
                    .getSource()).isEqualTo("Camunda Modeler");
            assertThat(inForce.getName()).isEqualTo("Маршрутизация сделок (правка от пятницы)");
            assertThat(new String(repository.getDecisionModel(inForce.getId()).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("правка от пятницы");
            assertThat(repository.createDeploymentQuery().deploymentName("SpringAutoDeployment").count())
                    .as("an unchanged application deploys nothing anew").isEqualTo(applicationDeployments);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ManagerPresence").count())
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String[] arguments) {
        return new SpringApplicationBuilder(ShiftRelayApplication.class).profiles("sandbox", "test").run(arguments);
    }

    private static DecisionDefinition latest(RepositoryService repository) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("DealRouting").latestVersion()
                .singleResult();
    }

    private static String shippedTable() throws IOException {
        try (InputStream dmn = RoutingRulesRestartIT.class.getClassLoader()
                .getResourceAsStream("processes/DealRouting.dmn")) {
            return new String(dmn.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
