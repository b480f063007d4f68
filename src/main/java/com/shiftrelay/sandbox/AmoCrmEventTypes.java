package com.shiftrelay.sandbox;

import java.util.Set;

/** The event type names amoCRM's {@code /api/v4/events} uses; the sandbox accepts no others. */
final class AmoCrmEventTypes {

    static final Set<String> ALL = Set.of(
            "lead_added", "lead_deleted", "lead_restored", "lead_status_changed", "lead_linked",
            "lead_unlinked", "contact_added", "contact_deleted", "contact_restored", "contact_linked",
            "contact_unlinked", "company_added", "company_deleted", "company_restored", "company_linked",
            "company_unlinked", "customer_added", "customer_deleted", "customer_status_changed",
            "customer_linked", "customer_unlinked", "task_added", "task_deleted", "task_completed",
            "task_type_changed", "task_text_changed", "task_deadline_changed", "task_result_added",
            "incoming_call", "outgoing_call", "incoming_chat_message", "outgoing_chat_message",
            "entity_direct_message", "incoming_sms", "outgoing_sms", "entity_tag_added",
            "entity_tag_deleted", "entity_linked", "entity_unlinked", "sale_field_changed",
            "name_field_changed", "ltv_field_changed", "custom_field_value_changed",
            "entity_responsible_changed", "robot_replied", "intent_identified", "nps_rate_added",
            "link_followed", "transaction_added", "common_note_added", "common_note_deleted",
            "attachment_note_added", "targeting_in_note_added", "targeting_out_note_added",
            "geo_note_added", "service_note_added", "site_visit_note_added", "message_to_cashier_note_added",
            "key_action_completed", "entity_merged");

    private AmoCrmEventTypes() {
    }
}
