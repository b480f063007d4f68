package com.shiftrelay.distribution;

/**
 * What the routing rules (processes/DealRouting.dmn) decided for one deal: which rule matched, the team that
 * handles the deal (null: the team of the manager who holds it), the strategy that picks its manager (null: the
 * team's default), whether it is handed over when its manager leaves, whether it comes back, and whether the rule
 * pins it to its manager.
 *
 * @param matched         false when no rule matched: the deal is left alone
 * @param ruleId          the matching rule's id in the table, null when none matched
 * @param annotation      the rule's annotation, in the process owner's words
 * @param decisionVersion the version of the deployed table that decided
 */
public record Route(boolean matched, String ruleId, String annotation, int decisionVersion, Long teamId,
                    Strategy strategy, boolean handover, boolean returnToOwner, boolean pinned) {

    public static Route noRule(int decisionVersion) {
        return new Route(false, null, null, decisionVersion, null, null, false, false, false);
    }

    /** The team that handles the deal: the rule's own, or the holder's team when the rule names none. */
    public Long teamOr(Long holdersTeam) {
        return teamId != null ? teamId : holdersTeam;
    }

    /** The route with its team settled. */
    public Route withTeam(Long team) {
        return new Route(matched, ruleId, annotation, decisionVersion, team, strategy, handover, returnToOwner, pinned);
    }

    /** The route with the given team where its rule names none. */
    public Route withTeamIfNone(long team) {
        return teamId != null || !matched ? this : withTeam(team);
    }

    /** The strategy to use: the rule's own, or the team's default when the rule names none. */
    public Strategy strategyOr(Strategy teamDefault) {
        return strategy != null ? strategy : teamDefault;
    }
}
