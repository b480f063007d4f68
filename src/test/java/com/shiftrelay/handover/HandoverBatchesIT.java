package com.shiftrelay.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.crm.CrmProperties;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.crm.fake.FakeCrm;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.support.IntegrationTestProfiles;
import com.shiftrelay.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing hand-over batches against the real schema and real transactions (H2, and PostgreSQL in CI), with
 * the CRM faked behind its port: what changed in the CRM since planning is respected, a refused deal does
 * not strand the others, and a failed request leaves the batch to be retried.
 */
@DataJpaTest(properties = "shiftrelay.handover.recheck-after=PT5S")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@Import({HandoverBatches.class, Ledger.class, HandoverBatchesIT.Beans.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class HandoverBatchesIT {

    @TestConfiguration
    @EnableConfigurationProperties({CrmProperties.class, HandoverProperties.class})
    static class Beans {
        @Bean
        FakeCrm fakeCrm() {
            return new FakeCrm();
        }

        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
        }
    }

    @Autowired HandoverBatches batches;
    @Autowired Ledger ledger;
    @Autowired Handovers handovers;
    @Autowired HandoverMoves moves;
    @Autowired Managers managers;
    @Autowired Teams teams;
    @Autowired FakeCrm crm;
    @Autowired MovableClock clock;
    @Autowired TransactionTemplate tx;

    // Ids unique to this test, so the PostgreSQL pass can share its database with other test classes.
    private long team;
    private long anna;
    private long boris;
    private long vera;
    private long grigory;
    private long deal;

    @BeforeEach
    void aTeamOfFour() {
        long base = ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1_000;
        team = base;
        anna = base + 1;
        boris = base + 2;
        vera = base + 3;
        grigory = base + 4;
        deal = base * 10;
        crm.down(false);
        crm.dealReads.set(0);
        crm.reassignRequests.set(0);
        tx.executeWithoutResult(status -> {
            teams.save(new Team(team, "Смена " + base));
            for (long id : List.of(anna, boris, vera, grigory)) {
                Manager manager = new Manager(id, "m" + id, "Manager " + id, null, team, clock.instant());
                manager.moveTo(id == anna ? PresenceState.OFFLINE : PresenceState.ONLINE, clock.instant());
                managers.save(manager);
            }
        });
    }

    @Test
    void aBatchIsWrittenAsPlannedWhenNothingChanged() {
        String run = plan(anna, Map.of(deal + 1, boris, deal + 2, vera));

        assertThat(write(run, 0)).isEqualTo(2);

        assertThat(crm.responsibleOf(deal + 1)).isEqualTo(boris);
        assertThat(crm.responsibleOf(deal + 2)).isEqualTo(vera);
        assertThat(statuses(run)).containsEntry(deal + 1, HandoverMove.Status.WRITTEN)
                .containsEntry(deal + 2, HandoverMove.Status.WRITTEN);
        assertThat(batches.complete(run)).isEqualTo(new HandoverBatches.RunSummary(2, 0, 0, 0));
        assertThat(handovers.findById(run).orElseThrow().getStatus()).isEqualTo(Handover.Status.DONE);
    }

    @Test
    void aDealReassignedOrClosedByHandAfterPlanningIsLeftAlone() {
        String run = plan(anna, Map.of(deal + 1, boris, deal + 2, vera, deal + 3, boris));
        clock.advance(Duration.ofSeconds(6));
        crm.reassignByHand(deal + 1, grigory);
        crm.close(deal + 2);

        assertThat(write(run, 0)).isEqualTo(1);

        assertThat(crm.responsibleOf(deal + 1)).as("the person's choice stands").isEqualTo(grigory);
        assertThat(crm.responsibleOf(deal + 2)).as("a closed deal is not touched").isEqualTo(anna);
        assertThat(crm.responsibleOf(deal + 3)).isEqualTo(boris);
        Map<Long, HandoverMove> rows = rows(run);
        assertThat(rows.get(deal + 1).getStatus()).isEqualTo(HandoverMove.Status.SKIPPED);
        assertThat(rows.get(deal + 1).getNote()).contains("given to user " + grigory);
        assertThat(rows.get(deal + 2).getStatus()).isEqualTo(HandoverMove.Status.SKIPPED);
        assertThat(rows.get(deal + 2).getNote()).contains("closed");
        assertThat(batches.complete(run)).isEqualTo(new HandoverBatches.RunSummary(1, 2, 0, 0));
    }

    @Test
    void aColleagueWhoWentOfflineSincePlanningGetsNothingMore() {
        String run = plan(anna, Map.of(deal + 1, boris, deal + 2, boris, deal + 3, vera));
        setState(boris, PresenceState.OFFLINE);
        int reads = crm.dealReads.get();

        assertThat(write(run, 0)).isEqualTo(3);

        assertThat(crm.responsibleOf(deal + 1)).isNotEqualTo(boris);
        assertThat(crm.responsibleOf(deal + 2)).isNotEqualTo(boris);
        // Vera already had one deal of this run, Grigory none: the balance goes on.
        assertThat(List.of(crm.responsibleOf(deal + 1), crm.responsibleOf(deal + 2)))
                .containsExactlyInAnyOrder(grigory, vera);
        assertThat(rows(run).get(deal + 1).getNote()).contains("left before it was written");
        assertThat(crm.dealReads.get() - reads).as("planning read the deals a moment ago: no re-read").isZero();
    }

    @Test
    void withNobodyLeftOnShiftTheDealsWaitAndTheRunSaysSo() {
        String run = plan(anna, Map.of(deal + 1, boris, deal + 2, vera));
        setState(boris, PresenceState.OFFLINE);
        setState(vera, PresenceState.OFFLINE);
        setState(grigory, PresenceState.CONFIRMING);

        assertThat(write(run, 0)).isZero();

        assertThat(crm.responsibleOf(deal + 1)).isEqualTo(anna);
        assertThat(crm.reassignRequests).hasValue(0);
        assertThat(statuses(run)).containsEntry(deal + 1, HandoverMove.Status.WAITING);
        assertThat(batches.complete(run).waiting()).isEqualTo(2);
        assertThat(handovers.findById(run).orElseThrow().getStatus()).isEqualTo(Handover.Status.WAITING);
    }

    @Test
    void oneRefusedDealIsRecordedAndTheRestOfTheBatchIsWritten() {
        String run = plan(anna, Map.of(deal + 1, boris, deal + 2, vera, deal + 3, grigory));
        crm.refuse(deal + 2, "responsible_user_id FieldNotEditable");

        assertThat(write(run, 0)).isEqualTo(2);

        assertThat(crm.responsibleOf(deal + 1)).isEqualTo(boris);
        assertThat(crm.responsibleOf(deal + 3)).isEqualTo(grigory);
        HandoverMove refused = rows(run).get(deal + 2);
        assertThat(refused.getStatus()).isEqualTo(HandoverMove.Status.REJECTED);
        assertThat(refused.getNote()).contains("FieldNotEditable");
        assertThat(batches.complete(run)).isEqualTo(new HandoverBatches.RunSummary(2, 0, 1, 0));
        assertThat(handovers.findById(run).orElseThrow().getStatus()).isEqualTo(Handover.Status.DONE);
    }

    @Test
    void aFailedRequestLeavesTheBatchPlannedAndTheRetryWritesIt() {
        String run = plan(anna, Map.of(deal + 1, boris, deal + 2, vera));
        crm.down(true);

        assertThatThrownBy(() -> write(run, 0)).isInstanceOf(CrmUnavailableException.class);
        assertThat(statuses(run).values()).containsOnly(HandoverMove.Status.PLANNED);

        crm.down(false);
        assertThat(write(run, 0)).isEqualTo(2);
        assertThat(write(run, 0)).as("a batch written before is not sent again").isZero();
        assertThat(crm.reassignRequests).hasValue(1);
    }

    @Test
    void writingRightAfterPlanningCostsNoReread() {
        String run = plan(anna, Map.of(deal + 1, boris));
        clock.advance(Duration.ofSeconds(4));

        write(run, 0);

        assertThat(crm.dealReads).as("within recheck-after of planning").hasValue(0);
    }

    @Test
    void rereadingCostsOneRequestPerFiveBatchesAndIsRepeatedWhenTheCheckIsOld() {
        Map<Long, Long> plan = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 300; i++) {
            plan.put(deal + i, i % 2 == 0 ? boris : vera);
        }
        String run = plan(anna, plan);
        clock.advance(Duration.ofSeconds(6));
        int reads = crm.dealReads.get();

        for (int batch = 0; batch < 5; batch++) {
            write(run, batch);
        }
        assertThat(crm.dealReads.get() - reads).as("250 deals re-read in one request").isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        crm.reassignByHand(deal + 290, grigory);
        write(run, 5);
        assertThat(crm.dealReads.get() - reads).isEqualTo(2);
        assertThat(crm.responsibleOf(deal + 290)).isEqualTo(grigory);
        assertThat(batches.complete(run)).isEqualTo(new HandoverBatches.RunSummary(299, 1, 0, 0));
    }

    @Test
    void aReturnToAnOwnerWhoLeftAgainLeavesTheDealsWithTheirHolder() {
        setState(anna, PresenceState.ONLINE);
        crm.put(deal + 1, boris);
        String run = tx.execute(status -> ledger.record(
                new Handover(Handover.Kind.RETURN, anna, team, clock.instant()),
                List.of(new PlannedMove(deal + 1, boris, anna)), id -> anna, clock.instant()).handoverId());
        setState(anna, PresenceState.OFFLINE);

        assertThat(write(run, 0)).isZero();

        assertThat(crm.responsibleOf(deal + 1)).isEqualTo(boris);
        assertThat(rows(run).get(deal + 1).getStatus()).isEqualTo(HandoverMove.Status.SKIPPED);
    }

    /** Records a hand-over of the manager's deals as planned now; the deals are theirs in the CRM. */
    private String plan(long from, Map<Long, Long> targets) {
        List<PlannedMove> planned = new ArrayList<>();
        targets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            crm.put(entry.getKey(), from);
            planned.add(new PlannedMove(entry.getKey(), from, entry.getValue()));
        });
        return tx.execute(status -> ledger.record(new Handover(Handover.Kind.HANDOVER, from, team, clock.instant()),
                planned, id -> from, clock.instant()).handoverId());
    }

    private int write(String run, int batchNo) {
        return tx.execute(status -> batches.write(run, batchNo));
    }

    private void setState(long managerId, PresenceState state) {
        tx.executeWithoutResult(status -> managers.findById(managerId).orElseThrow().moveTo(state, clock.instant()));
    }

    private Map<Long, HandoverMove> rows(String run) {
        return moves.findByHandoverIdOrderByDealIdAsc(run).stream()
                .collect(Collectors.toMap(HandoverMove::getDealId, Function.identity()));
    }

    private Map<Long, HandoverMove.Status> statuses(String run) {
        return rows(run).values().stream().collect(Collectors.toMap(HandoverMove::getDealId, HandoverMove::getStatus));
    }
}
