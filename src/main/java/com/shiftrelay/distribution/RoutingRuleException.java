package com.shiftrelay.distribution;

/**
 * A routing rule decided something ShiftRelay cannot carry out: no team, a team that does not exist, a strategy
 * that does not exist. The message names the rule and the deal, because it is what an admin reads on the incident
 * in Cockpit before fixing the table in Camunda Modeler.
 */
public class RoutingRuleException extends RuntimeException {

    public RoutingRuleException(String ruleId, long dealId, String problem) {
        super("Routing rule " + ruleId + " of DealRouting, for deal " + dealId + ": " + problem);
    }
}
