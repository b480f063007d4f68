package com.shiftrelay.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.shiftrelay.presence.PresenceConflictException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** How the API's errors reach a client, each from an endpoint that fails the way the real ones can. */
class ProblemResponsesTest {

    /** An endpoint whose presence signal kept meeting a process step, as Presence gives up after its attempts. */
    @RestController
    static class AlwaysConflicting {
        @PostMapping("/api/managers/{id}/online")
        void online(@PathVariable long id) {
            throw new PresenceConflictException(id, new OptimisticLockingException("the task changed meanwhile"));
        }
    }

    private final MockMvc api = MockMvcBuilders.standaloneSetup(new AlwaysConflicting())
            .setControllerAdvice(new ProblemResponses())
            .build();

    @Test
    void aSignalThatKeepsMeetingAProcessStepIsAConflictToTryAgainNotAServerError() throws Exception {
        api.perform(post("/api/managers/7/online").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail", Matchers.containsString("manager 7")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("try again in a moment")));
    }
}
