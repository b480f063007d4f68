package com.shiftrelay.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** The sandbox API's bodies in amoCRM v4's shape (snake_case, HAL envelopes, Unix seconds). */
final class AmoCrmJson {

    private AmoCrmJson() {
    }

    record Href(String href) {
    }

    /** A list envelope; {@code next} is only present while more pages remain. */
    record Page(@JsonProperty("_page") int page,
                @JsonProperty("_links") Map<String, Href> links,
                @JsonProperty("_embedded") Map<String, List<?>> embedded) {
    }

    record Account(long id, String name, String subdomain,
                   @JsonProperty("_embedded") Map<String, List<?>> embedded) {
    }

    record UserGroup(long id, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Rights(boolean isActive, boolean isAdmin, Long groupId) {
    }

    record User(long id, String name, String email, String lang, Rights rights) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Lead(long id, String name, long price, long responsibleUserId, Long groupId, long statusId,
                long pipelineId, long createdBy, long updatedBy, long createdAt, long updatedAt, Long closedAt,
                Long closestTaskAt, boolean isDeleted, List<CustomFieldValues> customFieldsValues,
                long accountId, @JsonProperty("_embedded") LeadEmbedded embedded) {
    }

    /** What every lead embeds: its tags, an empty list when it has none. */
    record LeadEmbedded(List<Tag> tags) {
    }

    /** A tag as amoCRM embeds it; the sandbox's tags have no colour. */
    record Tag(long id, String name, String color) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CustomFieldValues(long fieldId, String fieldName, String fieldCode, String fieldType,
                             List<Value> values) {
    }

    record Value(Object value) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CustomField(long id, String name, String type, String code, int sort, String entityType,
                       boolean isApiOnly) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PipelineJson(long id, String name, int sort, boolean isMain, long accountId) {
    }

    /** One item of a PATCH body; unknown properties (status_id, price, ...) are ignored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LeadPatch(Long id, Long responsibleUserId, String requestId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdatedLead(long id, long updatedAt, String requestId) {
    }

    record Updated(@JsonProperty("_links") Map<String, Href> links,
                   @JsonProperty("_embedded") Map<String, List<?>> embedded) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Event(String id, String type, Long entityId, String entityType, long createdBy, long createdAt,
                 List<Object> valueAfter, List<Object> valueBefore, long accountId) {
    }
}
