package com.shiftrelay.benchmark;

import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands the open deals of one manager to two ONLINE colleagues through the running application and the
 * sandbox CRM, and prints how long it took next to the floor the CRM's rate limit sets. It measures; it
 * does not judge (the machines are small and noisy).
 */
abstract class HandoverThroughput {

    static final int DEALS = 10_000;
    // A pipeline the clinic's routing rules do not name: its deals stay in their manager's team.
    static final long PIPELINE = 7009;
    static final long OPEN_STATUS = 70091;

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @Autowired
    Managers managers;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    /** Requests per second the CRM allows, or 0 for no limit. */
    abstract int crmRequestsPerSecond();

    /** How many deals one list request of the CRM reads: amoCRM 250, Bitrix24 50. */
    int dealsPerPage() {
        return 250;
    }

    /** The fewest requests that read the manager's deals: every page, and the empty one that ends them. */
    int readRequests() {
        return (DEALS + dealsPerPage() - 1) / dealsPerPage() + 1;
    }

    /** How many requests the CRM takes at once before its rate applies: Bitrix24's bucket holds 50, amoCRM none. */
    int crmBurst() {
        return 0;
    }

    void measure(String label) {
        Api api = new Api(port);
        long team = sandbox.createTeam("Бенчмарк " + label);
        long anna = sandbox.createUser("Анна Бенчмарк", "annabench@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Бенчмарк", "borisbench@demo.shiftrelay.local", team);
        long vera = sandbox.createUser("Вера Бенчмарк", "verabench@demo.shiftrelay.local", team);
        seedDeals(anna);
        directory.sync();
        for (long id : List.of(anna, boris, vera)) {
            api.post("/api/managers/" + id + "/online", null, "admin", "admin");
        }
        waitUntil(Duration.ofSeconds(60), () -> List.of(anna, boris, vera).stream()
                .allMatch(id -> managers.findById(id).orElseThrow().getState() == PresenceState.ONLINE));
        waitUntil(Duration.ofSeconds(60),
                () -> api.post("/api/managers/" + anna + "/offline", null, "admin", "admin").status() == 202);

        long started = System.nanoTime();
        waitUntil(Duration.ofMinutes(10), () -> openDealsOf(anna) == 0);
        double seconds = (System.nanoTime() - started) / 1e9;

        // The least the CRM must be asked: the reads of the manager's deals and every batch of 50 moves; anything
        // more (re-reading deals before writing them) counts against the ratio.
        int pages = readRequests();
        int batches = (DEALS + 49) / 50;
        int requests = pages + batches;
        double floorSeconds = crmRequestsPerSecond() == 0 ? 0
                : (double) Math.max(0, requests - crmBurst()) / crmRequestsPerSecond();
        String floor = crmRequestsPerSecond() == 0 ? "none" : String.format(Locale.ROOT, "%.1f s", floorSeconds);
        String ratio = crmRequestsPerSecond() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", seconds / floorSeconds);
        System.out.printf(Locale.ROOT,
                "BENCHMARK hand-over %s: %d deals, %d CRM requests (%d reads, %d batches), %.1f s, floor %s, ratio %s%n",
                label, DEALS, requests, pages, batches, seconds, floor, ratio);
        if (openDealsOf(boris) + openDealsOf(vera) != DEALS) {
            throw new AssertionError("not every deal arrived: " + openDealsOf(boris) + " + " + openDealsOf(vera));
        }
    }

    private void seedDeals(long responsible) {
        // Straight into the sandbox's tables: 10,000 single inserts through the service would dominate the run.
        jdbc.batchUpdate("insert into sandbox_leads (name, price, responsible_user_id, status_id, pipeline_id,"
                        + " created_by, updated_by, created_at, updated_at, pinned) values (?, 0, ?, ?, ?, 0, 0,"
                        + " current_timestamp, current_timestamp, false)",
                java.util.stream.IntStream.range(0, DEALS)
                        .mapToObj(i -> new Object[] {"Сделка " + i, responsible, OPEN_STATUS, PIPELINE})
                        .toList());
    }

    private long openDealsOf(long managerId) {
        return sandbox.openLeadIdsByResponsible().getOrDefault(managerId, List.of()).size();
    }

    private static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
