package com.shiftrelay.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty sandbox with the demo's dental clinic: administrators working the sales pipeline, curators
 * the follow-up one, 200 deals between them. It runs before anything else at start-up so ShiftRelay's first
 * directory sync (after the application is ready) already finds the demo people.
 */
@Component
@ConditionalOnSandboxCrm
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxDemoSeeder implements ApplicationRunner {

    static final long SALES_PIPELINE = 7001;
    static final long CARE_PIPELINE = 7002;
    static final int DEALS = 200;
    /** How many of the first deals have a client with a phone number. */
    static final int DEMO_CLIENTS = 20;
    /** The routing rules send the care pipeline's VIP deals to a team of their own. */
    static final String VIP = "VIP";
    /** The clinic tags its follow-up contracts from this budget up VIP: about one care deal in ten. */
    static final long VIP_PRICE = 180_000;

    private static final Logger log = LoggerFactory.getLogger(SandboxDemoSeeder.class);

    /** Name and login of each demo manager, five per team; the login is the email's local part. */
    private static final String[][] ADMINISTRATORS = {
            {"Анна Смирнова", "anna"}, {"Борис Иванов", "boris"}, {"Вера Кузнецова", "vera"},
            {"Григорий Попов", "grigory"}, {"Дарья Соколова", "darya"}};
    private static final String[][] CURATORS = {
            {"Евгений Лебедев", "evgeny"}, {"Жанна Козлова", "zhanna"}, {"Зоя Новикова", "zoya"},
            {"Игорь Морозов", "igor"}, {"Ксения Волкова", "ksenia"}};

    private static final String[] SALES_SERVICES = {"Имплантация", "Брекеты", "Отбеливание", "Виниры",
            "Коронка", "Протезирование", "Лечение кариеса", "Консультация ортодонта"};
    private static final String[] CARE_SERVICES = {"Контрольный осмотр", "Профгигиена", "Гарантийный визит",
            "Коррекция брекетов", "Абонемент на год", "Повторная чистка"};
    private static final String[] PATIENTS = {"Иванов", "Петрова", "Сидоров", "Орлова", "Фёдоров", "Белова",
            "Николаев", "Зайцева", "Макаров", "Егорова", "Павлов", "Семёнова", "Голубев", "Виноградова",
            "Богданов", "Воробьёва", "Тарасов", "Комарова", "Киселёв", "Медведева"};
    /** The open stages the deals are spread over (see PipelineStages): all four of sales, three of care. */
    private static final long[] SALES_STATUSES = {70011, 70012, 70013, 70014};
    private static final long[] CARE_STATUSES = {70021, 70022, 70023};

    private final SandboxCrm crm;
    private final SandboxProperties properties;
    private final SandboxClients clients;
    private final Clock clock;

    SandboxDemoSeeder(SandboxCrm crm, SandboxClients clients, SandboxProperties properties,
                      ObjectProvider<Clock> clock) {
        this.crm = crm;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemoData() || !crm.isEmpty()) {
            return;
        }
        seed();
        log.info("Sandbox CRM seeded with demo data: 2 teams, {} managers, {} deals",
                ADMINISTRATORS.length + CURATORS.length, DEALS);
    }

    void seed() {
        createPipelines();
        List<Long> administrators = createTeam("Администраторы", ADMINISTRATORS);
        List<Long> curators = createTeam("Кураторы", CURATORS);
        dealDeals(List.of(administrators, curators));
    }

    /**
     * Deletes every deal and event and deals the demo's deals out again to the active people of the sandbox's
     * teams, as at the first start: with the demo's two teams exactly the deals of that start. People, teams and
     * pipelines stay, so ShiftRelay's managers stay who they are. Answers how many deals there are now.
     */
    @Transactional
    int dealAgain() {
        List<List<Long>> teams = List.copyOf(crm.activeUserIdsByTeam().values());
        if (teams.isEmpty()) {
            throw new SimulationRejectedException(HttpStatus.CONFLICT, "teams",
                    "The sandbox has no team with an active user to deal the demo's deals to; nothing was changed");
        }
        crm.clearDeals();
        createPipelines();
        dealDeals(teams);
        return DEALS;
    }

    private void createPipelines() {
        crm.createPipeline(SALES_PIPELINE, "Продажи");
        crm.createPipeline(CARE_PIPELINE, "Сопровождение");
    }

    /** Deals go to the teams in turn; the first team's are in the sales pipeline, the second's in care, and so on. */
    private void dealDeals(List<List<Long>> teams) {
        // A fixed seed: every fresh demo shows the same deals, which keeps the README and screenshots true.
        Random random = new Random(20250101L);
        Instant now = clock.instant();
        for (int i = 0; i < DEALS; i++) {
            int teamIndex = i % teams.size();
            boolean sales = teamIndex % 2 == 0;
            List<Long> team = teams.get(teamIndex);
            long responsible = team.get((i / teams.size()) % team.size());
            String[] services = sales ? SALES_SERVICES : CARE_SERVICES;
            long[] statuses = sales ? SALES_STATUSES : CARE_STATUSES;
            // About one deal in ten is closed (won or lost) and about one open deal in ten is pinned, drawn at
            // random so that every manager gets some of each rather than one manager getting them all.
            boolean closed = random.nextInt(10) == 0;
            long status = closed ? (random.nextBoolean() ? Lead.STATUS_WON : Lead.STATUS_LOST)
                    : statuses[random.nextInt(statuses.length)];
            boolean pinned = !closed && random.nextInt(10) == 0;
            String name = services[random.nextInt(services.length)] + " — " + PATIENTS[random.nextInt(PATIENTS.length)];
            // 5,000 to 200,000: a quarter of the sales deals reach the routing rules' 150,000 for large ones.
            long price = (5 + random.nextInt(196)) * 1000L;
            Instant createdAt = now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 30)));
            // Tagged from the budget rather than a draw of its own, so the other deals stay those of every demo.
            List<String> tags = !sales && price >= VIP_PRICE ? List.of(VIP) : List.of();
            long deal = crm.createDemoLead(name, price, responsible, sales ? SALES_PIPELINE : CARE_PIPELINE, status,
                    pinned, tags, createdAt);
            if (i < DEMO_CLIENTS) {
                // The first deals' patients have phones, so a simulated call finds its client.
                long contact = clients.createContact(name.substring(name.indexOf(" — ") + 3), demoPhone(i), responsible);
                clients.link(deal, contact);
            }
        }
    }

    /** The demo clients' numbers: 79161000001 and on. */
    static String demoPhone(int client) {
        return String.format("7916100%04d", client + 1);
    }

    private List<Long> createTeam(String name, String[][] members) {
        Long teamId = crm.createTeam(name);
        List<Long> ids = new ArrayList<>();
        for (String[] member : members) {
            ids.add(crm.createUser(member[0], member[1] + "@demo.shiftrelay.local", teamId));
        }
        return ids;
    }
}
