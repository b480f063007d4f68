package com.shiftrelay.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped routing table {@code processes/DealRouting.dmn}, evaluated by Camunda's DMN engine on its own: one
 * deal per rule with every output and the rule that matched, and the deals no rule matches.
 */
class DealRoutingDecisionTest {

    private static final String DMN = "processes/DealRouting.dmn";
    private static final long SALES = 7001;
    private static final long VISITS = 7002;
    private static final long SALES_FIRST_STAGE = 70011;
    private static final long VISITS_FIRST_STAGE = 70021;
    private static final long ADMINISTRATORS = 1;
    private static final long CURATORS = 2;

    /** Every rule of the shipped table has its test here; a rule added without one fails {@link #everyRuleIsTestedAndExplainedInItsAnnotation}. */
    private static final List<String> TESTED_RULES = List.of("Rule_SalesLargeTreatmentPlan", "Rule_SalesTreatment",
            "Rule_VisitsVipPatient", "Rule_VisitsControl", "Rule_AnyOtherOpenDeal");

    private static final List<DmnDecisionTableEvaluationEvent> evaluations = new ArrayList<>();
    private static DmnEngine engine;
    private static DmnDecision decision;
    private static DmnModelInstance model;

    @BeforeAll
    static void parseTheShippedTable() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(evaluations::add));
        engine = configuration.buildEngine();
        try (InputStream dmn = DealRoutingDecisionTest.class.getClassLoader().getResourceAsStream(DMN)) {
            assertThat(dmn).as(DMN + " on the classpath (the build copies processes/ there)").isNotNull();
            model = Dmn.readModelFromStream(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decision = engine.parseDecision("DealRouting", model);
    }

    @Test
    void aLargeTreatmentPlanGoesToTheAdministratorsByWeight() {
        Routing routing = route(SALES, SALES_FIRST_STAGE, List.of(), 150_000);

        assertThat(routing.outputs()).isEqualTo(outputs(ADMINISTRATORS, "WEIGHTED", true, true, false));
        assertThat(routing.rule()).isEqualTo("Rule_SalesLargeTreatmentPlan");
        assertThat(routing.annotation()).startsWith("Продажа лечения, крупный план лечения (бюджет от 150 000 ₽)");
    }

    @Test
    void anyOtherOpenSalesDealGoesToTheLeastLoadedAdministratorAndComesBack() {
        Routing routing = route(SALES, 70014, List.of("VIP"), 149_999);

        assertThat(routing.outputs()).isEqualTo(outputs(ADMINISTRATORS, "LEAST_LOADED", true, true, false));
        assertThat(routing.rule()).isEqualTo("Rule_SalesTreatment");
        assertThat(routing.annotation()).startsWith("Продажа лечения, остальные открытые сделки");
    }

    @Test
    void aVipPatientsVisitDealGoesToTheNextCuratorAndStaysWithThem() {
        Routing routing = route(VISITS, VISITS_FIRST_STAGE, List.of("Повторный визит", "VIP"), 5_000);

        assertThat(routing.outputs()).isEqualTo(outputs(CURATORS, "ROUND_ROBIN", false, false, true));
        assertThat(routing.rule()).isEqualTo("Rule_VisitsVipPatient");
        assertThat(routing.annotation()).startsWith("Контроль посещений, пациент с тегом «VIP»");
    }

    @Test
    void anyOtherOpenVisitDealGoesToTheCuratorsInTurnAndIsNotReturned() {
        Routing routing = route(VISITS, 70023, List.of("Повторный визит"), 200_000);

        assertThat(routing.outputs()).isEqualTo(outputs(CURATORS, "ROUND_ROBIN", true, false, false));
        assertThat(routing.rule()).isEqualTo("Rule_VisitsControl");
        assertThat(routing.annotation()).startsWith("Контроль посещений, остальные открытые сделки");
    }

    @ParameterizedTest(name = "pipeline {0}, stage {1}")
    @CsvSource({
            "7001, 142",  // sales, won
            "7001, 143",  // sales, lost
            "7002, 142",  // visits, won
            "7002, 143",  // visits, lost
            "9999, 142"   // won in a pipeline the table does not name
    })
    void aDealNoRuleMatchesGetsNoRoutingAtAll(long pipelineId, long statusId) {
        Routing routing = route(pipelineId, statusId, List.of("VIP"), 500_000);

        assertThat(routing.outputs()).isNull();
        assertThat(routing.rule()).isNull();
    }

    @Test
    void anOpenDealOfAnyOtherPipelineStaysInItsManagersTeamAndIsHandedOverLeastLoaded() {
        Routing routing = route(9999, 99991, List.of("VIP"), 500_000);

        // An empty team cell gives no team at all: the team of the manager who holds the deal.
        Map<String, Object> expected = new HashMap<>(outputs(0, "LEAST_LOADED", true, true, false));
        expected.remove("team");
        assertThat(routing.outputs()).isEqualTo(expected);
        assertThat(routing.rule()).isEqualTo("Rule_AnyOtherOpenDeal");
        assertThat(routing.annotation()).startsWith("Любая другая открытая сделка");
    }

    @Test
    void aTagIsMatchedAsWrittenInTheCrm() {
        assertThat(route(VISITS, VISITS_FIRST_STAGE, List.of("vip"), 5_000).rule()).isEqualTo("Rule_VisitsControl");
    }

    @Test
    void aDealWithoutTagsOrBudgetIsRoutedByItsPipeline() {
        assertThat(route(SALES, SALES_FIRST_STAGE, null, null).rule()).isEqualTo("Rule_SalesTreatment");
        assertThat(route(VISITS, VISITS_FIRST_STAGE, null, null).rule()).isEqualTo("Rule_VisitsControl");
    }

    @Test
    void aBitrix24DealAtAnOpenStageIsRoutedByItsPipelineAndAWonOneNotAtAll() {
        // Bitrix24's open stages are names: the number is 0 and the name is the deal's stage.
        assertThat(route(SALES, 0, "C7001:NEW", List.of(), 5_000).rule()).isEqualTo("Rule_SalesTreatment");
        assertThat(route(SALES, 142, "C7001:WON", List.of(), 5_000).rule()).isNull();
    }

    @Test
    void aProcessOwnerTellsBitrix24sOpenStagesApartByTheStageAsTheCrmWritesIt() {
        // The change a process owner makes in Modeler: the administrators take a sales deal once it is past "NEW".
        DmnModelInstance changed = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(
                Dmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        changed.<org.camunda.bpm.model.dmn.instance.InputEntry>getModelElementById("InputEntry_SalesTreatment_Stage")
                .getText().setTextContent("not(\"C7001:NEW\")");
        DmnDecision rules = engine.parseDecision("DealRouting", changed);

        assertThat(route(rules, changed, SALES, 0, "C7001:PREPARATION", List.of(), 5_000).rule())
                .isEqualTo("Rule_SalesTreatment");
        // Still new: no sales rule takes it, and the last rule keeps it in its manager's team.
        assertThat(route(rules, changed, SALES, 0, "C7001:NEW", List.of(), 5_000).rule())
                .isEqualTo("Rule_AnyOtherOpenDeal");
        // amoCRM's stages are numbers, and its stage as written is that number.
        assertThat(route(rules, changed, SALES, 70011, "70011", List.of(), 5_000).rule())
                .isEqualTo("Rule_SalesTreatment");
    }

    @Test
    void everyRuleIsTestedAndExplainedInItsAnnotation() {
        DecisionTable table = model.getModelElementById("DecisionTable_DealRouting");
        List<String> rules = table.getRules().stream().map(Rule::getId).toList();

        assertThat(rules).containsExactlyInAnyOrderElementsOf(TESTED_RULES);
        assertThat(table.getRules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).isNotBlank());
    }

    @Test
    void theFirstMatchingRuleWinsAndTheEngineKeepsHistoryOfIt() {
        Decision routing = model.getModelElementById("DealRouting");
        DecisionTable table = model.getModelElementById("DecisionTable_DealRouting");

        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        // application.yaml enforces a history time to live: a decision without one would not deploy.
        assertThat(routing.getCamundaHistoryTimeToLiveString()).isEqualTo("P30D");
    }

    /** An amoCRM deal: its stage as written is its status id. */
    private static Routing route(long pipelineId, long statusId, List<String> tags, Number price) {
        return route(pipelineId, statusId, String.valueOf(statusId), tags, price);
    }

    private static Routing route(long pipelineId, long statusId, String stage, List<String> tags, Number price) {
        return route(decision, model, pipelineId, statusId, stage, tags, price);
    }

    private static Routing route(DmnDecision decision, DmnModelInstance model, long pipelineId, long statusId,
                                 String stage, List<String> tags, Number price) {
        Map<String, Object> deal = new HashMap<>();
        deal.put("pipelineId", pipelineId);
        deal.put("statusId", statusId);
        deal.put("stage", stage);
        deal.put("tags", tags);
        deal.put("price", price);
        evaluations.clear();
        DmnDecisionResult result = engine.evaluateDecision(decision, deal);

        assertThat(evaluations.size()).as("decision tables evaluated").isEqualTo(1);
        List<String> matched = evaluations.get(0).getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        assertThat(matched).as("rules matched under hit policy FIRST").hasSizeLessThanOrEqualTo(1);
        String rule = matched.isEmpty() ? null : matched.get(0);
        return new Routing(result.isEmpty() ? null : result.getSingleResult().getEntryMap(), rule,
                rule == null ? null : model.<Rule>getModelElementById(rule).getDescription().getTextContent());
    }

    private static Map<String, Object> outputs(long team, String strategy, boolean handover, boolean returnToOwner,
            boolean pinned) {
        return Map.of("team", team, "strategy", strategy, "handover", handover, "returnToOwner", returnToOwner,
                "pinned", pinned);
    }

    private record Routing(Map<String, Object> outputs, String rule, String annotation) {
    }
}
