package com.shiftrelay.distribution.process;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.distribution.DealRouting;
import com.shiftrelay.distribution.Route;
import com.shiftrelay.distribution.RoutingRuleException;
import com.shiftrelay.distribution.Strategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The routing rules from the latest deployed version of the decision {@code DealRouting}, evaluated by Camunda's DMN
 * engine. The table is read from the engine's repository, so a version a process owner deploys from Camunda Modeler
 * decides the very next deal, with no restart. Each version is parsed once and kept; evaluating it writes no history
 * (a hand-over of 10,000 deals asks it 10,000 times; the assignment log is the history that matters).
 */
@Component
class DmnDealRouting implements DealRouting {

    static final String DECISION_KEY = "DealRouting";
    private static final int VERSIONS_KEPT = 4;

    private final RepositoryService repository;
    private final DmnEngine dmn;
    /** The matching rules of the evaluation running on this thread, as the engine's listener reported them. */
    private final ThreadLocal<List<DmnEvaluatedDecisionRule>> matched = new ThreadLocal<>();
    private final Map<String, Table> parsed = new LinkedHashMap<>(VERSIONS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Table> eldest) {
            return size() > VERSIONS_KEPT;
        }
    };

    DmnDealRouting(RepositoryService repository) {
        this.repository = repository;
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(
                List.of((DmnDecisionTableEvaluationEvent event) -> matched.set(event.getMatchingRules())));
        this.dmn = configuration.buildEngine();
    }

    @Override
    public RoutingTable current() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("The routing rules (decision " + DECISION_KEY + ") are not deployed");
        }
        synchronized (parsed) {
            return parsed.computeIfAbsent(latest.getId(), id -> parse(latest));
        }
    }

    private Table parse(DecisionDefinition definition) {
        try (InputStream xml = repository.getDecisionModel(definition.getId())) {
            DmnModelInstance model = Dmn.readModelFromStream(xml);
            Map<String, String> annotations = new HashMap<>();
            for (Rule rule : model.getModelElementsByType(Rule.class)) {
                annotations.put(rule.getId(), rule.getDescription() == null ? null
                        : rule.getDescription().getTextContent().strip());
            }
            return new Table(dmn.parseDecision(DECISION_KEY, model), definition.getVersion(), annotations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One parsed version of the table. */
    private final class Table implements RoutingTable {

        private final DmnDecision decision;
        private final int version;
        private final Map<String, String> annotations;

        Table(DmnDecision decision, int version, Map<String, String> annotations) {
            this.decision = decision;
            this.version = version;
            this.annotations = annotations;
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public Route route(CrmDeal deal) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("pipelineId", deal.pipelineId());
            inputs.put("statusId", deal.statusId());
            inputs.put("stage", deal.stage());
            inputs.put("tags", deal.tags());
            inputs.put("price", (double) deal.price());
            DmnDecisionTableResult result;
            List<DmnEvaluatedDecisionRule> rules;
            try {
                result = dmn.evaluateDecisionTable(decision, inputs);
                rules = matched.get();
            } finally {
                matched.remove();
            }
            if (result.isEmpty() || rules == null || rules.isEmpty()) {
                return Route.noRule(version);
            }
            String ruleId = rules.get(0).getId();
            DmnDecisionRuleResult outputs = result.getFirstResult();
            return new Route(true, ruleId, annotations.get(ruleId), version, team(outputs, ruleId, deal),
                    strategy(outputs, ruleId, deal), flag(outputs, "handover", true),
                    flag(outputs, "returnToOwner", true), flag(outputs, "pinned", false));
        }

        /** An empty cell means the team of the deal's manager; anything but a number is the process owner's slip. */
        private Long team(DmnDecisionRuleResult outputs, String ruleId, CrmDeal deal) {
            Object team = outputs.get("team");
            if (team == null) {
                return null;
            }
            if (!(team instanceof Number number)) {
                throw new RoutingRuleException(ruleId, deal.id(), "output \"team\" is '" + team + "'; it must be the id"
                        + " of a team in /api/teams, or empty for the team of the deal's manager");
            }
            return number.longValue();
        }

        private Strategy strategy(DmnDecisionRuleResult outputs, String ruleId, CrmDeal deal) {
            Object name = outputs.get("strategy");
            if (name == null || name.toString().isBlank()) {
                return null;
            }
            try {
                return Strategy.parse(name.toString());
            } catch (IllegalArgumentException e) {
                throw new RoutingRuleException(ruleId, deal.id(), "output \"strategy\": " + e.getMessage());
            }
        }

        private boolean flag(DmnDecisionRuleResult outputs, String name, boolean otherwise) {
            Object value = outputs.get(name);
            return value instanceof Boolean flag ? flag : otherwise;
        }
    }
}
