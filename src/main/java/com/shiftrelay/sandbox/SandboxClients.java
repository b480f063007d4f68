package com.shiftrelay.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox CRM's clients (contacts with a phone number and their deals), tasks, deal notes and task comments,
 * which both dialects serve: amoCRM's contacts, tasks and notes, Bitrix24's duplicate search, tasks and timeline.
 */
@Component
@ConditionalOnSandboxCrm
public class SandboxClients {

    /** A contact; {@code phone} as 7XXXXXXXXXX, {@code leadIds} its deals. */
    public record Contact(long id, String name, String phone, long responsibleId, List<Long> leadIds) {
    }

    /** A task; {@code leadId} or {@code contactId} is what it is linked to. */
    public record Task(long id, Long leadId, Long contactId, long responsibleId, String title, String text,
                       Instant completeTill, boolean completed, String result, String requestId, Instant createdAt,
                       List<String> comments) {
    }

    public record Note(long id, long leadId, String text, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert contacts;
    private final SimpleJdbcInsert tasks;
    private final SimpleJdbcInsert notes;
    private final SimpleJdbcInsert comments;
    private final Clock clock;

    SandboxClients(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        // Bound by their Java types: typed by the table's metadata, PostgreSQL's driver refuses an OffsetDateTime.
        this.contacts = insert(jdbc, "sandbox_contacts", "name", "phone", "responsible_user_id", "created_at");
        this.tasks = insert(jdbc, "sandbox_tasks", "lead_id", "contact_id", "responsible_user_id", "title", "text",
                "complete_till", "request_id", "created_at", "updated_at");
        this.notes = insert(jdbc, "sandbox_notes", "lead_id", "text", "created_at");
        this.comments = insert(jdbc, "sandbox_task_comments", "task_id", "text", "created_at");
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private static SimpleJdbcInsert insert(JdbcTemplate jdbc, String table, String... columns) {
        return new SimpleJdbcInsert(jdbc).withTableName(table).withoutTableColumnMetaDataAccess()
                .usingGeneratedKeyColumns("id").usingColumns(columns);
    }

    /** A client who rings: {@code phone} as 7XXXXXXXXXX. */
    @Transactional
    public long createContact(String name, String phone, long responsibleId) {
        if (phone == null || !phone.matches("\\d{11,15}")) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "phone",
                    "phone must be the digits of an international number, 7XXXXXXXXXX");
        }
        return contacts.executeAndReturnKey(Map.of("name", name, "phone", phone, "responsible_user_id", responsibleId,
                "created_at", at(now()))).longValue();
    }

    /** The deal is the contact's. */
    @Transactional
    public void link(long leadId, long contactId) {
        if (jdbc.update("update sandbox_leads set contact_id = ? where id = ?", contactId, leadId) == 0) {
            throw new SandboxNotFoundException("leadId", "The sandbox has no deal " + leadId);
        }
    }

    @Transactional(readOnly = true)
    public List<Contact> contactsByPhone(String phone) {
        return jdbc.query("select id, name, phone, responsible_user_id from sandbox_contacts where phone = ? order by id",
                (rs, row) -> contact(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getLong("responsible_user_id")), phone);
    }

    /** Every contact, in id order. */
    @Transactional(readOnly = true)
    public List<Contact> contacts() {
        return jdbc.query("select id, name, phone, responsible_user_id from sandbox_contacts order by id",
                (rs, row) -> contact(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getLong("responsible_user_id")));
    }

    @Transactional(readOnly = true)
    public Optional<Contact> contact(long id) {
        return jdbc.query("select id, name, phone, responsible_user_id from sandbox_contacts where id = ?",
                (rs, row) -> contact(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getLong("responsible_user_id")), id).stream().findFirst();
    }

    private Contact contact(long id, String name, String phone, long responsible) {
        List<Long> leads = jdbc.queryForList("select id from sandbox_leads where contact_id = ? order by id", Long.class,
                id);
        return new Contact(id, name, phone, responsible, leads);
    }

    @Transactional
    public long createTask(Long leadId, Long contactId, long responsibleId, String title, String text,
                           Instant completeTill, String requestId) {
        Instant now = now();
        Map<String, Object> row = new HashMap<>();
        row.put("lead_id", leadId);
        row.put("contact_id", contactId);
        row.put("responsible_user_id", responsibleId);
        row.put("title", title);
        row.put("text", text);
        row.put("complete_till", at(completeTill));
        row.put("request_id", requestId);
        row.put("created_at", at(now));
        row.put("updated_at", at(now));
        return tasks.executeAndReturnKey(row).longValue();
    }

    /** Changes what is given (null: left as it is); false for a task the sandbox does not have. */
    @Transactional
    public boolean updateTask(long id, String text, Long responsibleId, Boolean completed, String result) {
        return jdbc.update("update sandbox_tasks set text = coalesce(?, text),"
                + " responsible_user_id = coalesce(?, responsible_user_id), completed = coalesce(?, completed),"
                + " result_text = coalesce(?, result_text), updated_at = ? where id = ?", text, responsibleId, completed,
                result, at(now()), id) == 1;
    }

    @Transactional
    public boolean commentOnTask(long taskId, String text) {
        if (task(taskId).isEmpty()) {
            return false;
        }
        comments.execute(Map.of("task_id", taskId, "text", text, "created_at", at(now())));
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<Task> task(long id) {
        return jdbc.query("select * from sandbox_tasks where id = ?", taskRow(), id).stream().findFirst();
    }

    /** Every task, newest first: the sandbox page's list of callbacks. */
    @Transactional(readOnly = true)
    public List<Task> tasks() {
        return jdbc.query("select * from sandbox_tasks order by id desc", taskRow());
    }

    @Transactional
    public long addNote(long leadId, String text) {
        return notes.executeAndReturnKey(Map.of("lead_id", leadId, "text", text, "created_at", at(now()))).longValue();
    }

    @Transactional(readOnly = true)
    public List<Note> notes(long leadId) {
        return jdbc.query("select id, lead_id, text, created_at from sandbox_notes where lead_id = ? order by id",
                (rs, row) -> new Note(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("text"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()), leadId);
    }

    /** Forgets every client, task, note and task comment, with the deals they belong to. */
    @Transactional
    void clear() {
        jdbc.update("delete from sandbox_task_comments");
        jdbc.update("delete from sandbox_tasks");
        jdbc.update("delete from sandbox_notes");
        jdbc.update("delete from sandbox_contacts");
    }

    private RowMapper<Task> taskRow() {
        return (rs, row) -> {
            long id = rs.getLong("id");
            long lead = rs.getLong("lead_id");
            Long leadId = rs.wasNull() ? null : lead;
            long contact = rs.getLong("contact_id");
            Long contactId = rs.wasNull() ? null : contact;
            return new Task(id, leadId, contactId, rs.getLong("responsible_user_id"), rs.getString("title"),
                    rs.getString("text"), rs.getObject("complete_till", OffsetDateTime.class).toInstant(),
                    rs.getBoolean("completed"), rs.getString("result_text"), rs.getString("request_id"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    jdbc.queryForList("select text from sandbox_task_comments where task_id = ? order by id",
                            String.class, id));
        };
    }

    private Instant now() {
        return clock.instant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
