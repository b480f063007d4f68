package com.shiftrelay.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The stages (statuses) of a sandbox pipeline. Like its one custom field, they are the sandbox account's fixed
 * setup rather than data: pipeline {@code p} has four open stages numbered {@code p × 10 + 1} to {@code p × 10 + 4}
 * (70011 is the first of 7001), named as amoCRM names the stages of a new pipeline, and amoCRM's two closing
 * stages, 142 and 143, which every pipeline shares.
 */
final class PipelineStages {

    /** One stage; {@code open} is false for won and lost. */
    record Stage(long id, String name, boolean open) {
    }

    private static final List<String> OPEN_STAGE_NAMES = List.of("Первичный контакт", "Переговоры",
            "Принимают решение", "Согласование договора");

    private PipelineStages() {
    }

    /** The pipeline's stages in their order on the board: the open ones, then won and lost. */
    static List<Stage> of(long pipelineId) {
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < OPEN_STAGE_NAMES.size(); i++) {
            stages.add(new Stage(pipelineId * 10 + i + 1, OPEN_STAGE_NAMES.get(i), true));
        }
        stages.add(new Stage(Lead.STATUS_WON, "Успешно реализовано", false));
        stages.add(new Stage(Lead.STATUS_LOST, "Закрыто и не реализовано", false));
        return stages;
    }

    /** Where a new lead of the pipeline starts. */
    static long first(long pipelineId) {
        return pipelineId * 10 + 1;
    }

    static boolean belongsTo(long pipelineId, long statusId) {
        return of(pipelineId).stream().anyMatch(stage -> stage.id() == statusId);
    }
}
