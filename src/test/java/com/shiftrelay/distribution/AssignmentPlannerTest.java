package com.shiftrelay.distribution;

import static com.shiftrelay.distribution.Availability.AVAILABLE;
import static com.shiftrelay.distribution.Availability.CONFIRMING;
import static com.shiftrelay.distribution.Availability.OFFLINE;
import static com.shiftrelay.distribution.Availability.OFF_SHIFT;
import static com.shiftrelay.distribution.Strategy.LEAST_LOADED;
import static com.shiftrelay.distribution.Strategy.ROUND_ROBIN;
import static com.shiftrelay.distribution.Strategy.WEIGHTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.distribution.AssignmentPlanner.DealToPlace;
import com.shiftrelay.distribution.AssignmentPlanner.Member;
import com.shiftrelay.distribution.AssignmentPlanner.Placement;
import com.shiftrelay.distribution.AssignmentPlanner.Plan;
import com.shiftrelay.distribution.AssignmentPlanner.Queued;
import com.shiftrelay.distribution.AssignmentPlanner.Rotation;
import com.shiftrelay.distribution.AssignmentPlanner.Skip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentPlannerTest {

    static final long ANNA = 1, BORIS = 2, VERA = 3, GLEB = 4, DARIA = 5;

    static Member available(long id, int openDeals) {
        return new Member(id, AVAILABLE, openDeals, null, 1);
    }

    static Member capped(long id, int openDeals, int cap) {
        return new Member(id, AVAILABLE, openDeals, cap, 1);
    }

    static Member weighing(long id, int weight) {
        return new Member(id, AVAILABLE, 0, null, weight);
    }

    static Member away(long id, Availability availability) {
        return new Member(id, availability, 0, null, 1);
    }

    static List<DealToPlace> deals(int count, Strategy strategy) {
        return LongStream.rangeClosed(1, count).mapToObj(id -> new DealToPlace(id, strategy, null)).toList();
    }

    static List<Long> takers(Plan plan) {
        return plan.placements().stream().map(Placement::managerId).toList();
    }

    static Map<Long, Long> perManager(List<Long> takers) {
        return takers.stream().collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting()));
    }

    static Map<Long, Long> perManager(Plan plan) {
        return perManager(takers(plan));
    }

    /** Shares in percent of all the deals given, printed so that a run shows the figures, not only a pass. */
    static Map<Long, Double> shares(String what, List<Long> takers) {
        Map<Long, Double> shares = new TreeMap<>();
        perManager(takers).forEach((id, count) -> shares.put(id, 100.0 * count / takers.size()));
        System.out.printf("%s: %s%n", what, shares.entrySet().stream()
                .map(share -> String.format("manager %d %.1f%%", share.getKey(), share.getValue()))
                .collect(Collectors.joining(", ")));
        return shares;
    }

    static void assertWithinTwoPointsOfFiftyThirtyTwenty(Map<Long, Double> shares) {
        assertThat(shares.get(ANNA)).isBetween(48.0, 52.0);
        assertThat(shares.get(BORIS)).isBetween(28.0, 32.0);
        assertThat(shares.get(VERA)).isBetween(18.0, 22.0);
    }

    /** Plans each deal in a call of its own, as the application does when deals arrive one at a time. */
    static List<Long> oneCallPerDeal(int count, Strategy strategy, List<Member> members, Rotation start) {
        List<Long> takers = new ArrayList<>();
        Rotation rotation = start;
        for (long dealId = 1; dealId <= count; dealId++) {
            Plan plan = AssignmentPlanner.plan(List.of(new DealToPlace(dealId, strategy, null)), members, rotation);
            takers.addAll(takers(plan));
            rotation = plan.rotation();
        }
        return takers;
    }

    @Test
    void strategyNamesAreReadWhateverTheirCase() {
        assertThat(Strategy.parse("least_loaded")).isEqualTo(LEAST_LOADED);
        assertThat(Strategy.parse("Round_Robin")).isEqualTo(ROUND_ROBIN);
        assertThat(Strategy.parse(" WEIGHTED ")).isEqualTo(WEIGHTED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "fair", "round-robin"})
    void anUnknownOrBlankStrategyNameIsAnsweredWithTheAllowedOnes(String name) {
        assertThatThrownBy(() -> Strategy.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEAST_LOADED, ROUND_ROBIN, WEIGHTED");
    }

    @Test
    void leastLoadedGivesEachDealToWhoeverHasFewestAtThatMomentTiesToTheLowerId() {
        var plan = AssignmentPlanner.plan(deals(5, LEAST_LOADED),
                List.of(available(VERA, 1), available(ANNA, 3), available(BORIS, 1)), Rotation.start());

        // Boris and Vera tie at 1 and take turns, lower id first, until they reach Anna's 3; then Anna.
        assertThat(takers(plan)).containsExactly(BORIS, VERA, BORIS, VERA, ANNA);
        assertThat(plan.queued()).isEmpty();
        assertThat(plan.rotation()).isEqualTo(Rotation.start());
    }

    @Test
    void leastLoadedEvensOutUnequalLoadsOverAThousandDeals() {
        List<Member> team = List.of(available(ANNA, 0), available(BORIS, 10), available(VERA, 40), available(GLEB, 3),
                available(DARIA, 25));
        var plan = AssignmentPlanner.plan(deals(1000, LEAST_LOADED), team, Rotation.start());

        Map<Long, Long> given = perManager(plan);
        Map<Long, Long> loads = new TreeMap<>();
        team.forEach(member -> loads.put(member.managerId(), member.openDeals() + given.getOrDefault(member.managerId(), 0L)));
        System.out.printf("LEAST_LOADED from 0/10/40/3/25 open, after 1000 deals: %s%n", loads);
        // 78 open and 1000 new make 1078, which five managers hold as 215 or 216 each.
        assertThat(loads.values()).allSatisfy(load -> assertThat(load).isBetween(215L, 216L));
    }

    @Test
    void roundRobinStartsAtTheLowestIdAndTakesTurnsInIdOrder() {
        var plan = AssignmentPlanner.plan(deals(4, ROUND_ROBIN),
                List.of(available(VERA, 0), available(ANNA, 9), available(BORIS, 0)), Rotation.start());

        assertThat(takers(plan)).containsExactly(ANNA, BORIS, VERA, ANNA);
        assertThat(plan.rotation().lastManagerId()).isEqualTo(ANNA);
    }

    @Test
    void roundRobinContinuesAfterTheLastManagerAndWraps() {
        var team = List.of(available(ANNA, 0), available(BORIS, 0), available(VERA, 0));

        var plan = AssignmentPlanner.plan(deals(2, ROUND_ROBIN), team, new Rotation(BORIS, Map.of()));

        assertThat(takers(plan)).containsExactly(VERA, ANNA);
    }

    @Test
    void roundRobinWhoseLastManagerLeftTheTeamGoesOnWithTheNextId() {
        var team = List.of(available(10, 0), available(20, 0), available(30, 0));

        var plan = AssignmentPlanner.plan(deals(2, ROUND_ROBIN), team, new Rotation(25L, Map.of()));

        assertThat(takers(plan)).containsExactly(30L, 10L);
    }

    @Test
    void roundRobinPassesOverAnAbsentManagerAndGivesThemTheirTurnWhenBack() {
        var whileBorisIsAway = AssignmentPlanner.plan(deals(4, ROUND_ROBIN),
                List.of(available(ANNA, 0), away(BORIS, OFFLINE), available(VERA, 0), available(GLEB, 0)),
                new Rotation(ANNA, Map.of()));
        var onceBack = AssignmentPlanner.plan(deals(3, ROUND_ROBIN),
                List.of(available(ANNA, 0), available(BORIS, 0), available(VERA, 0), available(GLEB, 0)),
                whileBorisIsAway.rotation());

        assertThat(takers(whileBorisIsAway)).containsExactly(VERA, GLEB, ANNA, VERA);
        assertThat(whileBorisIsAway.placements()).allSatisfy(
                placement -> assertThat(placement.skipped()).containsExactly(new Skip(BORIS, SkipReason.OFFLINE)));
        assertThat(takers(onceBack)).containsExactly(GLEB, ANNA, BORIS);
    }

    @Test
    void roundRobinPointerCarriesOverFromCallToCall() {
        var team = List.of(available(VERA, 0), available(ANNA, 0), available(BORIS, 0));

        assertThat(oneCallPerDeal(5, ROUND_ROBIN, team, Rotation.start()))
                .containsExactly(ANNA, BORIS, VERA, ANNA, BORIS);
    }

    @Test
    void roundRobinKeepsEveryoneWithinOneDealOverAThousandDeals() {
        var team = List.of(available(ANNA, 7), available(BORIS, 0), available(VERA, 0), available(GLEB, 30),
                available(DARIA, 0));

        var plan = AssignmentPlanner.plan(deals(1000, ROUND_ROBIN), team, Rotation.start());

        Map<Long, Long> given = perManager(plan);
        System.out.printf("ROUND_ROBIN, 1000 deals among 5: %s%n", given);
        assertThat(given).hasSize(5);
        assertThat(given.values()).allSatisfy(count -> assertThat(count).isBetween(199L, 201L));
    }

    @Test
    void weightedSpreadsDealsSmoothlyRatherThanInRuns() {
        var plan = AssignmentPlanner.plan(deals(7, WEIGHTED),
                List.of(weighing(ANNA, 5), weighing(BORIS, 1), weighing(VERA, 1)), Rotation.start());

        // nginx's own example: weights 5, 1, 1 give a a b a c a a.
        assertThat(takers(plan)).containsExactly(ANNA, ANNA, BORIS, ANNA, VERA, ANNA, ANNA);
    }

    @Test
    void weightedTiesGoToTheLowerId() {
        var plan = AssignmentPlanner.plan(deals(4, WEIGHTED), List.of(weighing(BORIS, 3), weighing(ANNA, 3)),
                Rotation.start());

        assertThat(takers(plan)).containsExactly(ANNA, BORIS, ANNA, BORIS);
    }

    @Test
    void weightedGivesEachTheirShareOverAThousandDeals() {
        var plan = AssignmentPlanner.plan(deals(1000, WEIGHTED),
                List.of(weighing(ANNA, 50), weighing(BORIS, 30), weighing(VERA, 20)), Rotation.start());

        Map<Long, Double> shares = shares("WEIGHTED 50/30/20, 1000 deals in one plan", takers(plan));
        assertWithinTwoPointsOfFiftyThirtyTwenty(shares);
    }

    @Test
    void weightedStateCarriesOverFromCallToCall() {
        var team = List.of(weighing(ANNA, 50), weighing(BORIS, 30), weighing(VERA, 20));

        List<Long> oneByOne = oneCallPerDeal(1000, WEIGHTED, team, Rotation.start());

        Map<Long, Double> shares = shares("WEIGHTED 50/30/20, 1000 single-deal plans", oneByOne);
        assertWithinTwoPointsOfFiftyThirtyTwenty(shares);
        assertThat(oneByOne).isEqualTo(takers(AssignmentPlanner.plan(deals(1000, WEIGHTED), team, Rotation.start())));
    }

    @Test
    void aManagerBackFromAbsenceGetsTheirShareAndNoCatchUpBurst() {
        var whileVeraIsAway = AssignmentPlanner.plan(deals(500, WEIGHTED),
                List.of(weighing(ANNA, 50), weighing(BORIS, 30), new Member(VERA, OFF_SHIFT, 0, null, 20)),
                Rotation.start());
        var onceBack = AssignmentPlanner.plan(deals(100, WEIGHTED),
                List.of(weighing(ANNA, 50), weighing(BORIS, 30), weighing(VERA, 20)), whileVeraIsAway.rotation());

        List<Long> takers = takers(onceBack);
        shares("WEIGHTED 50/30/20, 100 deals after Vera's 500 away", takers);
        assertThat(perManager(whileVeraIsAway)).doesNotContainKey(VERA);
        assertThat(perManager(takers).get(VERA)).isBetween(18L, 20L);
        for (int i = 1; i < takers.size(); i++) {
            assertThat(List.of(takers.get(i - 1), takers.get(i))).as("deals %d and %d", i, i + 1)
                    .isNotEqualTo(List.of(VERA, VERA));
        }
    }

    @Test
    void weightZeroTakesNoWeightedDealsButStillTakesOthers() {
        var team = List.of(weighing(ANNA, 0), weighing(BORIS, 1));

        var weighted = AssignmentPlanner.plan(deals(2, WEIGHTED), team, Rotation.start());
        var leastLoaded = AssignmentPlanner.plan(deals(1, LEAST_LOADED), team, Rotation.start());

        assertThat(takers(weighted)).containsExactly(BORIS, BORIS);
        assertThat(weighted.placements()).allSatisfy(
                placement -> assertThat(placement.skipped()).containsExactly(new Skip(ANNA, SkipReason.NO_WEIGHT)));
        assertThat(takers(leastLoaded)).containsExactly(ANNA);
    }

    @Test
    void withEveryWeightZeroWeightedDealsWaitAndTheNextDealIsStillPlaced() {
        var team = List.of(weighing(ANNA, 0), weighing(BORIS, 0));
        var deals = List.of(new DealToPlace(1, WEIGHTED, null), new DealToPlace(2, LEAST_LOADED, null));

        var plan = AssignmentPlanner.plan(deals, team, Rotation.start());

        assertThat(plan.queued()).containsExactly(new Queued(1, WEIGHTED,
                List.of(new Skip(ANNA, SkipReason.NO_WEIGHT), new Skip(BORIS, SkipReason.NO_WEIGHT))));
        assertThat(plan.placements()).containsExactly(new Placement(2, ANNA, LEAST_LOADED, List.of()));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aManagerAtTheirCapIsPassedOverWithAtCap(Strategy strategy) {
        // Anna would be first by every strategy: fewest deals, lowest id, heaviest weight.
        var team = List.of(new Member(ANNA, AVAILABLE, 2, 2, 5), new Member(BORIS, AVAILABLE, 9, null, 1));

        var plan = AssignmentPlanner.plan(deals(1, strategy), team, Rotation.start());

        assertThat(plan.placements()).containsExactly(
                new Placement(1, BORIS, strategy, List.of(new Skip(ANNA, SkipReason.AT_CAP))));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void capZeroNeverReceives(Strategy strategy) {
        var team = List.of(new Member(ANNA, AVAILABLE, 0, 0, 5), new Member(BORIS, AVAILABLE, 50, null, 1));

        var plan = AssignmentPlanner.plan(deals(20, strategy), team, Rotation.start());

        assertThat(perManager(plan)).containsOnlyKeys(BORIS).containsEntry(BORIS, 20L);
    }

    @Test
    void withEveryoneAtTheirCapTheDealsWait() {
        var team = List.of(capped(ANNA, 3, 3), capped(BORIS, 0, 0));
        var deals = List.of(new DealToPlace(1, LEAST_LOADED, null), new DealToPlace(2, ROUND_ROBIN, null),
                new DealToPlace(3, WEIGHTED, null));

        var plan = AssignmentPlanner.plan(deals, team, Rotation.start());

        var bothAtCap = List.of(new Skip(ANNA, SkipReason.AT_CAP), new Skip(BORIS, SkipReason.AT_CAP));
        assertThat(plan.placements()).isEmpty();
        assertThat(plan.queued()).containsExactly(new Queued(1, LEAST_LOADED, bothAtCap),
                new Queued(2, ROUND_ROBIN, bothAtCap), new Queued(3, WEIGHTED, bothAtCap));
        assertThat(plan.rotation()).isEqualTo(Rotation.start());
    }

    @Test
    void aCapReachedMidPlanHoldsForTheRestOfThePlan() {
        var team = List.of(capped(ANNA, 1, 3), available(BORIS, 0));

        var plan = AssignmentPlanner.plan(deals(5, ROUND_ROBIN), team, Rotation.start());

        // Anna's second deal of this plan brings her to 3: from then on Boris takes every deal, her turn or not.
        assertThat(plan.placements()).containsExactly(
                new Placement(1, ANNA, ROUND_ROBIN, List.of()),
                new Placement(2, BORIS, ROUND_ROBIN, List.of()),
                new Placement(3, ANNA, ROUND_ROBIN, List.of()),
                new Placement(4, BORIS, ROUND_ROBIN, List.of(new Skip(ANNA, SkipReason.AT_CAP))),
                new Placement(5, BORIS, ROUND_ROBIN, List.of(new Skip(ANNA, SkipReason.AT_CAP))));
    }

    @Test
    void dealsGivenByOneStrategyCountForTheNext() {
        var team = List.of(capped(ANNA, 0, 2), available(BORIS, 0));
        var deals = List.of(new DealToPlace(1, ROUND_ROBIN, null), new DealToPlace(2, LEAST_LOADED, null),
                new DealToPlace(3, WEIGHTED, null), new DealToPlace(4, LEAST_LOADED, null));

        var plan = AssignmentPlanner.plan(deals, team, Rotation.start());

        // Anna's round-robin deal makes Boris the less loaded; Anna's weighted deal then brings her to her cap.
        assertThat(plan.placements()).containsExactly(
                new Placement(1, ANNA, ROUND_ROBIN, List.of()),
                new Placement(2, BORIS, LEAST_LOADED, List.of()),
                new Placement(3, ANNA, WEIGHTED, List.of()),
                new Placement(4, BORIS, LEAST_LOADED, List.of(new Skip(ANNA, SkipReason.AT_CAP))));
    }

    @Test
    void withNobodyAtWorkEveryDealWaitsAndSaysWhyForEachManager() {
        var team = List.of(away(GLEB, OFFLINE), away(BORIS, CONFIRMING), away(ANNA, OFFLINE), away(VERA, OFF_SHIFT));
        var handedOverFromGleb = List.of(new DealToPlace(1, LEAST_LOADED, GLEB), new DealToPlace(2, ROUND_ROBIN, GLEB),
                new DealToPlace(3, WEIGHTED, GLEB));

        var plan = AssignmentPlanner.plan(handedOverFromGleb, team, Rotation.start());

        var why = List.of(new Skip(ANNA, SkipReason.OFFLINE), new Skip(BORIS, SkipReason.CONFIRMING),
                new Skip(VERA, SkipReason.OFF_SHIFT), new Skip(GLEB, SkipReason.LEAVING));
        assertThat(plan.placements()).isEmpty();
        assertThat(plan.queued()).containsExactly(new Queued(1, LEAST_LOADED, why), new Queued(2, ROUND_ROBIN, why),
                new Queued(3, WEIGHTED, why));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void theManagerADealLeavesNeverGetsItBack(Strategy strategy) {
        var team = List.of(new Member(ANNA, AVAILABLE, 0, null, 9), new Member(BORIS, AVAILABLE, 40, null, 1));

        var plan = AssignmentPlanner.plan(List.of(new DealToPlace(1, strategy, ANNA)), team, Rotation.start());

        assertThat(plan.placements()).containsExactly(
                new Placement(1, BORIS, strategy, List.of(new Skip(ANNA, SkipReason.LEAVING))));
    }

    @Test
    void badInputIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> new Member(ANNA, AVAILABLE, 0, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Manager 1 has negative cap -1");
        assertThatThrownBy(() -> new Member(ANNA, AVAILABLE, 0, null, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Manager 1 has negative weight -5");
        assertThatThrownBy(() -> new Member(ANNA, AVAILABLE, -2, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Manager 1 has negative openDeals -2");
        assertThatThrownBy(() -> new DealToPlace(7, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Deal 7 has no strategy");
        assertThatThrownBy(() -> AssignmentPlanner.plan(deals(1, LEAST_LOADED),
                List.of(available(ANNA, 0), available(BORIS, 0), available(ANNA, 3)), Rotation.start()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Manager 1 is listed twice in the team");
    }

    @Test
    void theSameInputGivesTheSamePlanWhateverTheTeamsOrder() {
        var deals = new ArrayList<DealToPlace>();
        for (long id = 1; id <= 30; id++) {
            deals.add(new DealToPlace(id, Strategy.values()[(int) id % 3], id % 4 == 0 ? VERA : null));
        }
        var anna = new Member(ANNA, AVAILABLE, 2, 8, 3);
        var boris = new Member(BORIS, CONFIRMING, 0, null, 1);
        var vera = new Member(VERA, AVAILABLE, 0, null, 2);
        var gleb = new Member(GLEB, AVAILABLE, 5, null, 0);
        var team = List.of(anna, boris, vera, gleb);
        var rotation = new Rotation(BORIS, Map.of(ANNA, 2L, VERA, -2L));

        var plan = AssignmentPlanner.plan(deals, team, rotation);

        assertThat(AssignmentPlanner.plan(deals, team, rotation)).isEqualTo(plan);
        assertThat(AssignmentPlanner.plan(deals, List.of(gleb, vera, boris, anna), rotation)).isEqualTo(plan);
        assertThat(plan.placements().size() + plan.queued().size()).isEqualTo(30);
    }

    @Test
    void aPlanNeitherChangesNorSharesTheRotationItWasGiven() {
        var weights = new HashMap<>(Map.of(ANNA, 4L));
        var rotation = new Rotation(ANNA, weights);
        weights.put(BORIS, 99L);

        var plan = AssignmentPlanner.plan(deals(3, WEIGHTED), List.of(weighing(ANNA, 1), weighing(BORIS, 1)), rotation);

        assertThat(rotation).isEqualTo(new Rotation(ANNA, Map.of(ANNA, 4L)));
        assertThat(plan.rotation().currentWeights()).isUnmodifiable();
        assertThat(plan.rotation().lastManagerId()).isEqualTo(ANNA);
    }
}
