package com.shiftrelay.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of amoCRM's lead webhook: PHP-style bracket keys ({@code leads[add][0][id]}), form-encoded in UTF-8,
 * with the lead fields under their old (API v2) names and the account at the end, as amoCRM sends it.
 */
final class AmoCrmWebhookForm {

    static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private AmoCrmWebhookForm() {
    }

    /** The fields in the order amoCRM writes them; {@code accountUrl} is the account's own address. */
    static List<Map.Entry<String, String>> fields(SandboxLeadsChanged change, String accountUrl) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < change.leads().size(); i++) {
            SandboxLeadsChanged.LeadState lead = change.leads().get(i);
            String prefix = "leads[" + change.action() + "][" + i + "]";
            add(fields, prefix + "[id]", lead.id());
            add(fields, prefix + "[name]", lead.name());
            add(fields, prefix + "[status_id]", lead.statusId());
            add(fields, prefix + "[old_status_id]", lead.oldStatusId());
            add(fields, prefix + "[pipeline_id]", lead.pipelineId());
            add(fields, prefix + "[old_pipeline_id]", lead.oldPipelineId());
            add(fields, prefix + "[price]", lead.price());
            add(fields, prefix + "[responsible_user_id]", lead.responsibleId());
            add(fields, prefix + "[old_responsible_user_id]", lead.oldResponsibleId());
            add(fields, prefix + "[last_modified]", seconds(lead.updatedAt()));
            add(fields, prefix + "[modified_user_id]", lead.updatedBy());
            add(fields, prefix + "[created_user_id]", lead.createdBy());
            add(fields, prefix + "[date_create]", seconds(lead.createdAt()));
            add(fields, prefix + "[created_at]", seconds(lead.createdAt()));
            add(fields, prefix + "[updated_at]", seconds(lead.updatedAt()));
            add(fields, prefix + "[account_id]", SandboxAmoCrmController.ACCOUNT_ID);
            // A lead without tags sends no tags key at all: a form has no way to say "an empty list".
            for (int j = 0; j < lead.tags().size(); j++) {
                add(fields, prefix + "[tags][" + j + "][id]", lead.tags().get(j).id());
                add(fields, prefix + "[tags][" + j + "][name]", lead.tags().get(j).name());
            }
        }
        add(fields, "account[subdomain]", SandboxAmoCrmController.SUBDOMAIN);
        add(fields, "account[id]", SandboxAmoCrmController.ACCOUNT_ID);
        add(fields, "account[_links][self]", accountUrl);
        return fields;
    }

    static String encode(SandboxLeadsChanged change, String accountUrl) {
        return fields(change, accountUrl).stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Fields with no value for this action (the {@code old_*} of another one) are left out. */
    private static void add(List<Map.Entry<String, String>> fields, String key, Object value) {
        if (value != null) {
            fields.add(Map.entry(key, String.valueOf(value)));
        }
    }

    private static long seconds(Instant at) {
        return at.getEpochSecond();
    }
}
