package com.shiftrelay.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.crm.CrmDealChange.Kind;
import com.shiftrelay.web.InvalidFieldException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading amoCRM's lead webhooks from the raw form body, in the shape amoCRM posts them. */
class AmoCrmWebhookFormTest {

    @Test
    void aNewLeadWithItsTagsAndCustomFields() {
        AmoCrmWebhookForm form = AmoCrmWebhookForm.parse(fixture("lead-added.txt"));

        assertThat(form.subdomain()).isEqualTo("clinic");
        assertThat(form.changes()).containsExactly(new CrmDealChange(Kind.ADDED, 10701093, "Имплантация, верхняя челюсть",
                7001L, 70011L, null, null, 5001L, null, 180000L, List.of("VIP", "Повторный визит"), 5001L,
                Instant.ofEpochSecond(1764672000)));
    }

    @Test
    void aStatusChangeKeepsTheStageAndPipelineBefore() {
        AmoCrmWebhookForm form = AmoCrmWebhookForm.parse(fixture("lead-status-changed.txt"));

        assertThat(form.changes()).containsExactly(new CrmDealChange(Kind.STATUS_CHANGED, 10701093,
                "Имплантация, верхняя челюсть", 7002L, 142L, 7001L, 70012L, 5001L, null, 180000L, List.of(), 5002L,
                Instant.ofEpochSecond(1764675600)));
    }

    @Test
    void aNewResponsibleKeepsTheOneBefore() {
        AmoCrmWebhookForm form = AmoCrmWebhookForm.parse(fixture("lead-responsible-changed.txt"));

        assertThat(form.changes()).containsExactly(new CrmDealChange(Kind.RESPONSIBLE_CHANGED, 10701094,
                "Консультация ортодонта", 7001L, 70011L, null, null, 5003L, 5001L, 3500L, List.of(), 5003L,
                Instant.ofEpochSecond(1764679200)));
    }

    @Test
    void twoLeadsAndTwoActionsInOneBodyComeInTheOrderSent() {
        AmoCrmWebhookForm form = AmoCrmWebhookForm.parse(fixture("two-leads-two-actions.txt"));

        assertThat(form.changes()).extracting(CrmDealChange::kind, CrmDealChange::dealId, CrmDealChange::statusId,
                        CrmDealChange::previousStatusId, CrmDealChange::responsibleId, CrmDealChange::previousResponsibleId)
                .containsExactly(
                        tuple(Kind.STATUS_CHANGED, 10701095L, 70012L, 70011L, 5001L, null),
                        tuple(Kind.STATUS_CHANGED, 10701096L, 70012L, 70011L, 5002L, null),
                        tuple(Kind.RESPONSIBLE_CHANGED, 10701095L, 70012L, null, 5004L, 5001L));
        assertThat(form.changes().get(0).name()).isEqualTo("Чистка зубов");
    }

    @Test
    void contactsAloneAreNoDealChanges() {
        AmoCrmWebhookForm form = AmoCrmWebhookForm.parse(fixture("contacts-only.txt"));

        assertThat(form.changes()).isEmpty();
        assertThat(form.subdomain()).isEqualTo("clinic");
    }

    @Test
    void everyActionHasItsKindAndOnlyItsOwnPreviousValues() {
        String body = String.join("&",
                "leads[update][0][id]=1&leads[update][0][old_status_id]=9&leads[update][0][updated_at]=1764672001",
                "leads[delete][0][id]=2&leads[delete][0][status_id]=70011&leads[delete][0][pipeline_id]=7001",
                "leads[restore][0][id]=3&leads[restore][0][last_modified]=1764672003",
                "leads[add][0][id]=4&leads[add][0][old_responsible_user_id]=9",
                "leads[note][0][note][text]=ignored&unsorted[add][0][uid]=x&talk[add][0][talk_id]=7&tasks[add][0][id]=8");

        List<CrmDealChange> changes = AmoCrmWebhookForm.parse(body.getBytes(StandardCharsets.UTF_8)).changes();

        assertThat(changes).extracting(CrmDealChange::kind, CrmDealChange::dealId).containsExactly(
                tuple(Kind.UPDATED, 1L), tuple(Kind.DELETED, 2L),
                tuple(Kind.RESTORED, 3L), tuple(Kind.ADDED, 4L));
        assertThat(changes.get(0).previousStatusId()).as("only a status change has a stage before").isNull();
        assertThat(changes.get(0).changedAt()).as("updated_at when there is no last_modified")
                .isEqualTo(Instant.ofEpochSecond(1764672001));
        assertThat(changes.get(1).statusId()).isEqualTo(70011L);
        assertThat(changes.get(1).changedAt()).isNull();
        assertThat(changes.get(3).previousResponsibleId()).isNull();
    }

    @Test
    void plusIsASpaceAndAnEmptyNumberIsNone() {
        byte[] body = "leads[add][0][id]=5&leads[add][0][name]=Осмотр+и+снимок&leads[add][0][price]=&account[subdomain]=clinic"
                .getBytes(StandardCharsets.UTF_8);

        CrmDealChange change = AmoCrmWebhookForm.parse(body).changes().get(0);

        assertThat(change.name()).isEqualTo("Осмотр и снимок");
        assertThat(change.price()).isNull();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("leads[add][0][name]=Без+номера", "leads[add][0][id]"),
                arguments("leads%5Bstatus%5D%5B0%5D%5Bid%5D=", "leads[status][0][id]"),
                arguments("leads[add][0][id]=abc", "leads[add][0][id]"),
                arguments("leads[add][0][id]=-5", "leads[add][0][id]"),
                arguments("leads[add][0][id]=99999999999999999999", "leads[add][0][id]"),
                arguments("leads[status][0][id]=1&leads[status][0][status_id]=142a", "leads[status][0][status_id]"),
                arguments("leads[status][0][id]=1&leads[status][0][old_pipeline_id]=x", "leads[status][0][old_pipeline_id]"),
                arguments("leads[add][0][id]=1&leads[add][0][pipeline_id]=7001.0", "leads[add][0][pipeline_id]"),
                arguments("leads[responsible][0][id]=1&leads[responsible][0][responsible_user_id]=Иван",
                        "leads[responsible][0][responsible_user_id]"),
                arguments("leads[add][0][id]=1&leads[add][0][price]=180+000", "leads[add][0][price]"),
                arguments("leads[add][0][id]=1&leads[add][0][last_modified]=2025-12-02", "leads[add][0][last_modified]"),
                arguments("leads[update][0][id]=1&leads[update][0][updated_at]=soon", "leads[update][0][updated_at]"),
                arguments("leads[add][0][id]=1&leads[add][0][date_create]=x", "leads[add][0][date_create]"),
                arguments("leads[add][0][id]=1&leads[add][0][name]=%D0%9", "leads[add][0][name]"),
                arguments("leads[add][0][id]=1&leads[add][0][name]=100%", "leads[add][0][name]"),
                arguments("leads%5Badd%zz=1", "leads%5Badd%zz"),
                arguments("leads[add][0][id=1", "leads[add][0][id"),
                arguments("leads[add][0[id]=1", "leads[add][0[id]"),
                arguments("leads]add[=1", "leads]add["),
                arguments("leads[add]x[0]=1", "leads[add]x[0]"),
                arguments("[add][0][id]=1", "[add][0][id]"),
                arguments("contacts[add][0][id]]=1", "contacts[add][0][id]]"),
                arguments("leads[add][first][id]=1", "leads[add][first]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformed")
    void aMalformedBodyNamesTheKeyAtFault(String body, String field) {
        InvalidFieldException e = catchThrowableOfType(InvalidFieldException.class,
                () -> AmoCrmWebhookForm.parse((body + "&account[subdomain]=clinic").getBytes(StandardCharsets.UTF_8)));

        assertThat(e).as(body).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(field);
    }

    @Test
    void aMessageQuotesOnlyTheStartOfAHugeValue() {
        String huge = "x".repeat(100_000);

        InvalidFieldException e = catchThrowableOfType(InvalidFieldException.class,
                () -> AmoCrmWebhookForm.parse(("leads[add][0][id]=" + huge).getBytes(StandardCharsets.UTF_8)));

        assertThat(e.getMessage()).hasSizeLessThan(200);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = AmoCrmWebhookFormTest.class.getResourceAsStream("/amocrm/webhooks/" + name)) {
            assertThat(in).as(name).isNotNull();
            // An editor's final newline is not part of what amoCRM sends.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
