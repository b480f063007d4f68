package com.shiftrelay.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bodies of amoCRM's lead webhooks as amoCRM sends them (form-urlencoded bracket keys with the old field names, see
 * amoCRM's "webhooks-format" page), for tests that play the CRM.
 */
public final class AmoCrmWebhookBodies {

    private static final String ACCOUNT = "&account[subdomain]=sandbox&account[id]=28805383"
            + "&account[_links][self]=" + encode("https://sandbox.amocrm.ru");

    private AmoCrmWebhookBodies() {
    }

    /** {@code leads[add][0]}: a lead created by a web form (created_user_id 0). */
    public static String added(long id, String name, long pipelineId, long statusId, long price, long responsibleId) {
        Map<String, Object> fields = lead(id, name, pipelineId, statusId, price, responsibleId);
        fields.put("created_user_id", 0);
        return fields("leads[add][0]", fields) + ACCOUNT;
    }

    /** {@code leads[status][0]}: the lead moved to another stage, perhaps of another pipeline. */
    public static String statusChanged(long id, long oldPipelineId, long oldStatusId, long pipelineId, long statusId,
                                       long responsibleId, long changedAtEpochSecond) {
        Map<String, Object> fields = lead(id, "", pipelineId, statusId, 0, responsibleId);
        fields.put("old_status_id", oldStatusId);
        fields.put("old_pipeline_id", oldPipelineId);
        fields.put("last_modified", changedAtEpochSecond);
        return fields("leads[status][0]", fields) + ACCOUNT;
    }

    /** {@code leads[responsible][0]}: somebody (ShiftRelay, or a person) gave the lead a new responsible. */
    public static String responsibleChanged(long id, long oldResponsibleId, long responsibleId, long modifiedBy,
                                            long changedAtEpochSecond) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("responsible_user_id", responsibleId);
        fields.put("old_responsible_user_id", oldResponsibleId);
        fields.put("modified_user_id", modifiedBy);
        fields.put("last_modified", changedAtEpochSecond);
        return fields("leads[responsible][0]", fields) + ACCOUNT;
    }

    private static Map<String, Object> lead(long id, String name, long pipelineId, long statusId, long price,
                                            long responsibleId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("name", name);
        fields.put("status_id", statusId);
        fields.put("pipeline_id", pipelineId);
        fields.put("price", price);
        fields.put("responsible_user_id", responsibleId);
        fields.put("date_create", 1764672000);
        fields.put("last_modified", 1764672000);
        fields.put("account_id", 28805383);
        return fields;
    }

    /** {@code prefix[field]=value} for each field, joined with {@code &}. */
    private static String fields(String prefix, Map<String, Object> fields) {
        return fields.entrySet().stream()
                .map(e -> prefix + "[" + e.getKey() + "]=" + encode(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
