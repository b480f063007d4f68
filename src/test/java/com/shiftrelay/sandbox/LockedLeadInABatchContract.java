package com.shiftrelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One locked lead in a batch of three, through the real amoCRM adapter and the sandbox's API. Whether the CRM
 * applies a refused batch all or nothing or the valid part of it, the adapter must leave the same result: the
 * two others with their new responsible, the locked one with its old one and reported as refused.
 */
interface LockedLeadInABatchContract {

    SandboxCrm crm();

    CrmGateway gateway();

    @Test
    default void reportsTheLockedLeadAndMovesTheOthers() {
        SandboxCrm crm = crm();
        crm.reset();
        long team = crm.createTeam("Администраторы");
        long anna = crm.createUser("Анна Смирнова", "anna@demo.shiftrelay.local", team);
        long boris = crm.createUser("Борис Иванов", "boris@demo.shiftrelay.local", team);
        crm.createPipeline(7001, "Продажи");
        long first = crm.createLead("Имплантация", anna, 7001, 70011, false);
        long locked = crm.createLead("Брекеты", anna, 7001, 70011, false);
        long third = crm.createLead("Виниры", anna, 7001, 70011, false);
        crm.setLeadLocked(locked, true);

        ReassignResult result = gateway().reassign(List.of(
                new Reassignment(first, boris), new Reassignment(locked, boris), new Reassignment(third, boris)));

        assertThat(result.rejected()).containsOnlyKeys(locked);
        assertThat(result.rejected().get(locked)).contains("FieldNotEditable", "responsible_user_id");
        assertThat(crm.lead(first).responsibleId()).isEqualTo(boris);
        assertThat(crm.lead(third).responsibleId()).isEqualTo(boris);
        assertThat(crm.lead(locked).responsibleId()).isEqualTo(anna);
        // One change each in the CRM's feed, however often the batch was sent.
        assertThat(crm.events()).filteredOn(event -> event.type().equals("entity_responsible_changed"))
                .extracting(SandboxEvent::leadId).containsExactlyInAnyOrder(first, third);
    }
}
