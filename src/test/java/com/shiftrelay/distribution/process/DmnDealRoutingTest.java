package com.shiftrelay.distribution.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.distribution.Route;
import com.shiftrelay.distribution.RoutingRuleException;
import com.shiftrelay.distribution.Strategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routing rules as the engine holds them: the latest deployed version decides, with the matching rule's id and
 * annotation, and a rule whose outputs make no sense fails naming the rule and the deal.
 */
class DmnDealRoutingTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    private RepositoryService repository;
    private DmnDealRouting routing;

    @BeforeEach
    void deployTheShippedTable() throws IOException {
        repository = engine.getProcessEngine().getRepositoryService();
        deploy(shipped());
        routing = new DmnDealRouting(repository);
    }

    @AfterEach
    void undeploy() {
        repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private static CrmDeal deal(long pipeline, long status, long price, List<String> tags) {
        return new CrmDeal(42, "Имплантация", 9, pipeline, status, Set.of(), Instant.EPOCH, price, tags, 0);
    }

    @Test
    void aDealIsRoutedByTheFirstMatchingRuleWithItsAnnotation() {
        Route route = routing.current().route(deal(7001, 70011, 180_000, List.of()));

        assertThat(route.matched()).isTrue();
        assertThat(route.ruleId()).isEqualTo("Rule_SalesLargeTreatmentPlan");
        assertThat(route.annotation()).startsWith("Продажа лечения, крупный план лечения");
        assertThat(route.teamId()).isEqualTo(1L);
        assertThat(route.strategy()).isEqualTo(Strategy.WEIGHTED);
        assertThat(route.decisionVersion()).isEqualTo(1);
        assertThat(routing.current().route(deal(7002, 70021, 0, List.of("VIP"))))
                .extracting(Route::ruleId, Route::pinned, Route::handover).containsExactly("Rule_VisitsVipPatient", true, false);
    }

    @Test
    void aClosedDealMatchesNoRuleAndAnotherPipelineKeepsItsManagersTeam() {
        assertThat(routing.current().route(deal(7001, 142, 0, List.of())).matched()).isFalse();
        Route other = routing.current().route(deal(9999, 1, 0, List.of()));
        assertThat(other.ruleId()).isEqualTo("Rule_AnyOtherOpenDeal");
        assertThat(other.teamId()).isNull();
        assertThat(other.teamOr(5L)).isEqualTo(5L);
    }

    @Test
    void aNewlyDeployedVersionDecidesTheVeryNextDeal() throws IOException {
        deploy(shipped().replace("<text>\"LEAST_LOADED\"</text>", "<text>\"ROUND_ROBIN\"</text>"));

        Route route = routing.current().route(deal(7001, 70011, 1_000, List.of()));
        assertThat(route.decisionVersion()).isEqualTo(2);
        assertThat(route.strategy()).isEqualTo(Strategy.ROUND_ROBIN);
    }

    @Test
    void aStrategyThatDoesNotExistFailsNamingTheRuleAndTheDeal() throws IOException {
        deploy(shipped().replace("<text>\"WEIGHTED\"</text>", "<text>\"FAIREST\"</text>")
                .replace("\"LEAST_LOADED\",\"ROUND_ROBIN\",\"WEIGHTED\"", "\"LEAST_LOADED\",\"ROUND_ROBIN\",\"FAIREST\""));

        assertThatThrownBy(() -> routing.current().route(deal(7001, 70011, 200_000, List.of())))
                .isInstanceOf(RoutingRuleException.class)
                .hasMessageContaining("Rule_SalesLargeTreatmentPlan").hasMessageContaining("deal 42")
                .hasMessageContaining("FAIREST").hasMessageContaining("LEAST_LOADED, ROUND_ROBIN, WEIGHTED");
    }

    private void deploy(String dmn) {
        repository.createDeployment().addString("DealRouting.dmn", dmn).deploy();
    }

    private static String shipped() throws IOException {
        try (InputStream in = DmnDealRoutingTest.class.getClassLoader().getResourceAsStream("processes/DealRouting.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
