package com.shiftrelay.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which manager of a team takes each deal, by the deal's strategy. Pure: no I/O, no clock.
 *
 * <p>Deals are placed one by one in the order given; what a deal is given counts toward the load and the cap of
 * every later deal of the same plan, whatever its strategy. A deal nobody may take is queued, and the next one is
 * still tried. Each deal lists every manager it passed over with the one reason why.
 */
public final class AssignmentPlanner {

    /** A manager of the team as planning sees them. cap null = no cap; weight is used by WEIGHTED only (>= 0). */
    public record Member(long managerId, Availability availability, int openDeals, Integer cap, int weight) {
        public Member {
            if (availability == null) {
                throw new IllegalArgumentException("Manager " + managerId + " has no availability");
            }
            if (openDeals < 0) {
                throw new IllegalArgumentException("Manager " + managerId + " has negative openDeals " + openDeals);
            }
            if (cap != null && cap < 0) {
                throw new IllegalArgumentException("Manager " + managerId + " has negative cap " + cap);
            }
            if (weight < 0) {
                throw new IllegalArgumentException("Manager " + managerId + " has negative weight " + weight);
            }
        }
    }

    /** Team-level rotation state kept between plans: the round-robin pointer and the smooth-weighted current weights. */
    public record Rotation(Long lastManagerId, Map<Long, Long> currentWeights) {
        public Rotation {
            // Sorted, so that the state stored and logged between plans reads the same for the same team.
            currentWeights = Collections.unmodifiableMap(new TreeMap<>(currentWeights));
        }

        public static Rotation start() {
            return new Rotation(null, Map.of());
        }
    }

    /** excludedManagerId: the manager the deal leaves (hand-over), who must not get it; null for a new deal. */
    public record DealToPlace(long dealId, Strategy strategy, Long excludedManagerId) {
        public DealToPlace {
            if (strategy == null) {
                throw new IllegalArgumentException("Deal " + dealId + " has no strategy");
            }
        }
    }

    /** A manager a deal passed over, and why. */
    public record Skip(long managerId, SkipReason reason) {
    }

    /** "Deal {@code dealId} goes to {@code managerId}", with the managers passed over on the way. */
    public record Placement(long dealId, long managerId, Strategy strategy, List<Skip> skipped) {
        public Placement {
            skipped = List.copyOf(skipped);
        }
    }

    /** A deal that nobody of the team may take now; {@code skipped} names every manager and why. */
    public record Queued(long dealId, Strategy strategy, List<Skip> skipped) {
        public Queued {
            skipped = List.copyOf(skipped);
        }
    }

    /** The placements and queued deals, in the order the deals were given, and the rotation to plan with next. */
    public record Plan(List<Placement> placements, List<Queued> queued, Rotation rotation) {
        public Plan {
            placements = List.copyOf(placements);
            queued = List.copyOf(queued);
        }
    }

    private AssignmentPlanner() {
    }

    public static Plan plan(List<DealToPlace> deals, List<Member> members, Rotation rotation) {
        List<Member> team = byManagerId(members);
        Map<Long, Integer> given = new HashMap<>();
        Long lastManagerId = rotation.lastManagerId();
        Map<Long, Long> currentWeights = new TreeMap<>(rotation.currentWeights());
        List<Placement> placements = new ArrayList<>();
        List<Queued> queued = new ArrayList<>();
        for (DealToPlace deal : deals) {
            List<Member> eligible = new ArrayList<>();
            List<Skip> skipped = new ArrayList<>();
            for (Member member : team) {
                Optional<SkipReason> reason = reasonToSkip(member, deal, load(member, given));
                reason.ifPresentOrElse(r -> skipped.add(new Skip(member.managerId(), r)), () -> eligible.add(member));
            }
            if (eligible.isEmpty()) {
                queued.add(new Queued(deal.dealId(), deal.strategy(), skipped));
                continue;
            }
            Member chosen = switch (deal.strategy()) {
                case LEAST_LOADED -> leastLoaded(eligible, given);
                case ROUND_ROBIN -> nextInTurn(eligible, lastManagerId);
                case WEIGHTED -> heaviest(eligible, currentWeights);
            };
            if (deal.strategy() == Strategy.ROUND_ROBIN) {
                lastManagerId = chosen.managerId();
            }
            given.merge(chosen.managerId(), 1, Integer::sum);
            placements.add(new Placement(deal.dealId(), chosen.managerId(), deal.strategy(), skipped));
        }
        return new Plan(placements, queued, new Rotation(lastManagerId, currentWeights));
    }

    private static List<Member> byManagerId(List<Member> members) {
        Set<Long> seen = new HashSet<>();
        for (Member member : members) {
            if (!seen.add(member.managerId())) {
                throw new IllegalArgumentException("Manager " + member.managerId() + " is listed twice in the team");
            }
        }
        return members.stream().sorted(Comparator.comparingLong(Member::managerId)).toList();
    }

    private static int load(Member member, Map<Long, Integer> given) {
        return member.openDeals() + given.getOrDefault(member.managerId(), 0);
    }

    /** One reason per manager, the most telling first: the manager a deal leaves is usually away as well. */
    private static Optional<SkipReason> reasonToSkip(Member member, DealToPlace deal, int load) {
        if (Objects.equals(deal.excludedManagerId(), member.managerId())) {
            return Optional.of(SkipReason.LEAVING);
        }
        Optional<SkipReason> away = switch (member.availability()) {
            case AVAILABLE -> Optional.empty();
            case OFFLINE -> Optional.of(SkipReason.OFFLINE);
            case CONFIRMING -> Optional.of(SkipReason.CONFIRMING);
            case OFF_SHIFT -> Optional.of(SkipReason.OFF_SHIFT);
        };
        if (away.isPresent()) {
            return away;
        }
        if (member.cap() != null && load >= member.cap()) {
            return Optional.of(SkipReason.AT_CAP);
        }
        if (deal.strategy() == Strategy.WEIGHTED && member.weight() == 0) {
            return Optional.of(SkipReason.NO_WEIGHT);
        }
        return Optional.empty();
    }

    private static Member leastLoaded(List<Member> eligible, Map<Long, Integer> given) {
        return eligible.stream()
                .min(Comparator.<Member>comparingInt(member -> load(member, given)).thenComparingLong(Member::managerId))
                .orElseThrow();
    }

    /** The next manager after the pointer, wrapping round; {@code eligible} is sorted by manager id. */
    private static Member nextInTurn(List<Member> eligible, Long lastManagerId) {
        return eligible.stream()
                .filter(member -> lastManagerId != null && member.managerId() > lastManagerId)
                .findFirst()
                .orElse(eligible.get(0));
    }

    /**
     * Smooth weighted round robin, as nginx does it. Only the eligible gain weight, so a manager who was away keeps
     * the current weight they left with and comes back to their share, not to a burst of catch-up deals.
     */
    private static Member heaviest(List<Member> eligible, Map<Long, Long> currentWeights) {
        long total = 0;
        Member chosen = null;
        long chosenCurrent = Long.MIN_VALUE;
        for (Member member : eligible) {
            long current = currentWeights.merge(member.managerId(), (long) member.weight(), Long::sum);
            total += member.weight();
            if (current > chosenCurrent) {
                chosen = member;
                chosenCurrent = current;
            }
        }
        currentWeights.merge(chosen.managerId(), -total, Long::sum);
        return chosen;
    }
}
