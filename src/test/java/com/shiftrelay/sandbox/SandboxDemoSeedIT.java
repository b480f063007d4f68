package com.shiftrelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.shiftrelay.support.IntegrationTestProfiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A fresh application on an empty database comes up with the demo clinic in its sandbox CRM. */
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@SpringBootTest(properties = {
        "shiftrelay.sandbox.seed-demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class SandboxDemoSeedIT {

    @Autowired
    private SandboxCrm crm;
    @Autowired
    private SandboxDemoSeeder seeder;
    @Autowired
    private SandboxOutage outage;

    @Test
    void seedsTwoTeamsOfFiveManagersAndTwoHundredDeals() throws Exception {
        // On a shared database (the PostgreSQL pass) earlier tests leave data behind: start from empty.
        crm.reset();
        seeder.run(null);

        assertThat(crm.teams()).extracting(SandboxTeam::name).containsExactly("Администраторы", "Кураторы");
        List<SandboxUser> users = crm.users();
        assertThat(users).hasSize(10);
        assertThat(users).allSatisfy(user -> {
            assertThat(user.login()).matches("[a-z0-9]+");
            assertThat(user.email()).isEqualTo(user.login() + "@demo.shiftrelay.local");
            assertThat(user.teamId()).isNotNull();
        });
        assertThat(users).extracting(SandboxUser::login).startsWith("anna", "boris", "vera").doesNotHaveDuplicates();
        assertThat(crm.pipelines()).containsKeys(7001L, 7002L);

        List<SandboxLead> leads = crm.leads();
        assertThat(leads).hasSize(200);
        long pinned = leads.stream().filter(SandboxLead::pinned).count();
        long closed = leads.stream().filter(lead -> !lead.open()).count();
        assertThat(pinned).isBetween(10L, 30L);
        assertThat(closed).isBetween(10L, 30L);
        assertThat(leads).extracting(SandboxLead::responsibleId).containsOnly(
                users.stream().map(SandboxUser::id).toArray(Long[]::new));
        assertThat(crm.openLeadIdsByResponsible()).hasSize(10);
        // What the routing rules read: large sales deals, and VIP ones in care.
        assertThat(leads.stream().filter(lead -> lead.pipelineId() == 7001 && lead.price() >= 150_000).count())
                .isBetween(10L, 40L);
        assertThat(leads.stream().filter(lead -> lead.pipelineId() == 7001 && lead.price() < 150_000).count())
                .isGreaterThan(50L);
        List<SandboxLead> vip = leads.stream().filter(lead -> lead.tags().contains("VIP")).toList();
        assertThat(vip).hasSizeBetween(3, 20).allMatch(lead -> lead.pipelineId() == 7002);
        assertThat(leads).filteredOn(lead -> !vip.contains(lead)).allMatch(lead -> lead.tags().isEmpty());
    }

    /** The reset of the sandbox page: the first start's deals again, with the same people, none of the changes since. */
    @Test
    void dealingAgainGivesTheFirstStartsDealsToTheSamePeople() throws Exception {
        crm.reset();
        seeder.run(null);
        List<String> firstStart = deals();
        List<SandboxUser> people = crm.users();
        long moved = crm.leads().get(0).id();
        crm.reassignByHand(moved, people.get(9).id());
        crm.recordActivity(people.get(0).id(), "incoming_call", null);
        crm.setOutage(true);

        assertThat(seeder.dealAgain()).isEqualTo(200);

        assertThat(deals()).isEqualTo(firstStart);
        assertThat(crm.users()).isEqualTo(people);
        assertThat(crm.leads()).noneMatch(lead -> lead.id() == moved);
        assertThat(crm.events()).isEmpty();
        assertThat(outage.active()).isFalse();
    }

    @Test
    void dealingAgainWithNobodyToDealToChangesNothing() throws Exception {
        crm.reset();
        long lead = crm.createLead("Консультация", crm.createUser("Без команды", "noteam@demo.shiftrelay.local", null),
                7001, 70011, false);

        assertThatThrownBy(seeder::dealAgain).isInstanceOf(SimulationRejectedException.class)
                .hasMessageContaining("no team");
        assertThat(crm.leads()).extracting(SandboxLead::id).containsExactly(lead);
    }

    /** Each deal's name, owner, pipeline, status and pin: what the page shows, without ids or times. */
    private List<String> deals() {
        return crm.leads().stream().map(lead -> lead.name() + "|" + lead.responsibleId() + "|" + lead.pipelineId()
                + "|" + lead.statusId() + "|" + lead.pinned()).toList();
    }

    @Test
    void leavesASandboxThatAlreadyHasDataAlone() throws Exception {
        // Its own data rather than whatever the start-up seeding or an earlier test left behind.
        crm.reset();
        long team = crm.createTeam("Отдел продаж");
        long user = crm.createUser("Ольга Орлова", "olga@demo.shiftrelay.local", team);
        long lead = crm.createLead("Консультация", user, 7001, 70011, false);

        seeder.run(null);

        assertThat(crm.teams()).extracting(SandboxTeam::id).containsExactly(team);
        assertThat(crm.users()).extracting(SandboxUser::id).containsExactly(user);
        assertThat(crm.leads()).extracting(SandboxLead::id).containsExactly(lead);
    }
}
