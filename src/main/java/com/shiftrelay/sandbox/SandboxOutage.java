package com.shiftrelay.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Whether the sandbox's API is down on purpose, or does its work and loses the answers: tests and demos switch it
 * through {@link SandboxCrm#setOutage} and {@link SandboxCrm#setAnswersLost}.
 */
@Component
@ConditionalOnSandboxCrm
class SandboxOutage {

    private final AtomicBoolean active = new AtomicBoolean();
    private final AtomicBoolean answersLost = new AtomicBoolean();

    boolean active() {
        return active.get();
    }

    void set(boolean down) {
        active.set(down);
    }

    boolean answersLost() {
        return answersLost.get();
    }

    void loseAnswers(boolean lost) {
        answersLost.set(lost);
    }

    /**
     * Passes the request on; while answers are lost, the sandbox does the write and the caller hears only a 504, as
     * from a proxy that gave up waiting for a CRM that did the work in the end. Reads are answered.
     */
    void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain, boolean write, Answer lost)
            throws ServletException, IOException {
        if (!write || !answersLost.get()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new ContentCachingResponseWrapper(response));
        if (!response.isCommitted()) {
            response.reset();
        }
        lost.send(response);
    }

    /** The answer the caller hears instead of the one that was lost. */
    interface Answer {
        void send(HttpServletResponse response) throws IOException;
    }
}
