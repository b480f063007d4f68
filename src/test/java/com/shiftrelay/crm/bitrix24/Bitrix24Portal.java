package com.shiftrelay.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers in the shapes of Bitrix24's documentation (crm-deal-list.md, user-get.md, batch.md, system-errors.md):
 * numbers as strings, flags as "Y"/"N", a {@code time} block on every answer.
 */
final class Bitrix24Portal {

    static final String TIME = """
            "time":{"start":1724677896.295857,"finish":1724677897.197243,"duration":0.901386022567749,\
            "processing":0.8762130737304688,"date_start":"2024-08-26T16:11:36+03:00",\
            "date_finish":"2024-08-26T16:11:37+03:00","operating":0}""";

    private Bitrix24Portal() {
    }

    static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(json);
    }

    /** A list answer: the rows, and {@code next} when given (the offset way); the fast way sends neither. */
    static ResponseDefinitionBuilder list(List<String> rows, Integer next, int total) {
        return ok("{\"result\":[" + String.join(",", rows) + "]" + (next == null ? "" : ",\"next\":" + next)
                + ",\"total\":" + total + "," + TIME + "}");
    }

    static ResponseDefinitionBuilder error(int status, String code, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}");
    }

    /** A deal row as crm.deal.list sends it, every number a string. */
    static String deal(long id, long responsible, long category, String semantic, String amount, String pinned) {
        String stage = switch (semantic) {
            case "S" -> "C" + category + ":WON";
            case "F" -> "C" + category + ":LOSE";
            default -> "C" + category + ":NEW";
        };
        return "{\"ID\":\"" + id + "\",\"TITLE\":\"Сделка " + id + "\",\"TYPE_ID\":\"COMPLEX\",\"CATEGORY_ID\":\""
                + category + "\",\"STAGE_ID\":\"" + stage + "\",\"STAGE_SEMANTIC_ID\":\"" + semantic
                + "\",\"OPPORTUNITY\":\"" + amount + "\",\"IS_MANUAL_OPPORTUNITY\":\"Y\",\"ASSIGNED_BY_ID\":\""
                + responsible + "\",\"DATE_CREATE\":\"2024-09-02T18:37:18+02:00\",\"CREATED_BY_ID\":\"1\""
                + (pinned == null ? "" : ",\"UF_CRM_PINNED\":\"" + pinned + "\"") + "}";
    }

    static List<String> deals(long fromId, long toId, long responsible) {
        return java.util.stream.LongStream.rangeClosed(fromId, toId)
                .mapToObj(id -> deal(id, responsible, 1, "P", "1000.00", "0")).collect(Collectors.toList());
    }

    static String user(long id, String name, String lastName, boolean active, long... departments) {
        String ids = java.util.Arrays.stream(departments).mapToObj(Long::toString).collect(Collectors.joining(","));
        return "{\"ID\":\"" + id + "\",\"ACTIVE\":" + active + ",\"NAME\":\"" + name + "\",\"LAST_NAME\":\"" + lastName
                + "\",\"SECOND_NAME\":\"\",\"EMAIL\":\"user" + id + "@example.com\",\"IS_ONLINE\":\"N\","
                + "\"UF_DEPARTMENT\":[" + ids + "],\"USER_TYPE\":\"employee\"}";
    }
}
