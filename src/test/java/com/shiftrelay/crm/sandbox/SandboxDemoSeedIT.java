package com.shiftrelay.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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
