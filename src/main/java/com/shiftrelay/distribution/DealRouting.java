package com.shiftrelay.distribution;

import com.shiftrelay.crm.CrmDeal;

/**
 * The routing rules as they stand now. {@link #current()} is the latest deployed version of the table, so a rule a
 * process owner changed in Camunda Modeler and deployed decides the very next deal; a hand-over or a queue drain
 * takes one table and routes all its deals by it.
 */
public interface DealRouting {

    RoutingTable current();

    /** One version of the routing table. */
    interface RoutingTable {

        int version();

        /**
         * Routes one deal. A rule whose outputs make no sense (no team, a strategy that does not exist) throws
         * {@link RoutingRuleException} naming the rule and the deal, so the step that asked ends as an incident
         * instead of skipping the deal silently.
         */
        Route route(CrmDeal deal);
    }
}
