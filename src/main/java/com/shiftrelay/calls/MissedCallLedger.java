package com.shiftrelay.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The callbacks owed ({@code missed_calls}): one open row per number, by its unique key. */
@Repository
class MissedCallLedger {

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    MissedCallLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // Bound by their Java types: typed by the table's metadata, PostgreSQL's driver refuses an OffsetDateTime.
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("missed_calls").withoutTableColumnMetaDataAccess()
                .usingGeneratedKeyColumns("id")
                .usingColumns("client_number", "open_number", "first_call_id", "first_missed_at", "last_missed_at");
    }

    Optional<Long> openFor(String number) {
        return jdbc.queryForList("select id from missed_calls where open_number = ?", Long.class, number).stream()
                .findFirst();
    }

    /** A new open callback; a number with one open already fails on the unique key. */
    long open(String number, long callId, Instant at) {
        return insert.executeAndReturnKey(Map.of("client_number", number, "open_number", number,
                "first_call_id", callId, "first_missed_at", at(at), "last_missed_at", at(at))).longValue();
    }

    void repeated(long id, Instant at) {
        jdbc.update("update missed_calls set repeats = repeats + 1, last_missed_at = ? where id = ?", at(at), id);
    }

    void placed(long id, Long contactId, Long dealId, Long teamId, Long managerId) {
        jdbc.update("update missed_calls set contact_id = ?, deal_id = ?, team_id = ?, manager_id = ? where id = ?",
                contactId, dealId, teamId, managerId, id);
    }

    void smsSent(long id, String outcome) {
        jdbc.update("update missed_calls set sms_outcome = ? where id = ?", outcome, id);
    }

    /**
     * The CRM is about to be asked for the task with this text, which tells of {@code repeats} repeats; kept whatever
     * becomes of the answer.
     */
    void taskRequested(long id, String text, int repeats) {
        jdbc.update("update missed_calls set task_request = ?, repeats_noted = ? where id = ? and task_id is null", text,
                repeats, id);
    }

    /** The task exists, and the repeats its text counts are noted in the CRM. */
    void taskCreated(long id, long taskId, String text, Instant deadline, int repeatsNoted) {
        jdbc.update("update missed_calls set task_id = ?, task_text = ?, deadline = ?, repeats_noted = ? where id = ?"
                + " and task_id is null", taskId, text, at(deadline), repeatsNoted, id);
    }

    void repeatsNoted(long id, int repeats, String taskText) {
        jdbc.update("update missed_calls set repeats_noted = ?, task_text = ? where id = ?", repeats, taskText, id);
    }

    /** The first successful call with the number; a later one changes nothing. */
    boolean calledBack(long id, Instant at, Long by, int seconds) {
        return jdbc.update("update missed_calls set called_back_at = ?, called_back_by = ?, callback_seconds = ?"
                + " where id = ? and called_back_at is null", at(at), by, seconds, id) == 1;
    }

    void escalated(long id, Instant at) {
        jdbc.update("update missed_calls set escalated_at = coalesce(escalated_at, ?) where id = ?", at(at), id);
    }

    void reassigned(long id, long managerId) {
        jdbc.update("update missed_calls set manager_id = ? where id = ?", managerId, id);
    }

    void taskCompleted(long id, Instant at) {
        jdbc.update("update missed_calls set task_completed_at = coalesce(task_completed_at, ?) where id = ?", at(at),
                id);
    }

    void closed(long id, Instant at) {
        jdbc.update("update missed_calls set open_number = null, closed_at = coalesce(closed_at, ?) where id = ?",
                at(at), id);
    }

    Optional<MissedCall> find(long id) {
        return jdbc.query("select * from missed_calls where id = ?", this::row, id).stream().findFirst();
    }

    /** Reads the row and locks it for the caller's transaction, as the intake's updates of it do. */
    Optional<MissedCall> lock(long id) {
        return jdbc.query("select * from missed_calls where id = ? for update", this::row, id).stream().findFirst();
    }

    /** The manager's open callbacks, locked for the caller's transaction as {@link #lock} locks one. */
    List<MissedCall> lockOpenOf(long managerId) {
        return jdbc.query("select * from missed_calls where open_number is not null and manager_id = ? order by id"
                + " for update", this::row, managerId);
    }

    /** Open callbacks of the team that nobody could take yet. */
    List<MissedCall> unplacedOf(long teamId) {
        return jdbc.query("select * from missed_calls where open_number is not null and team_id = ? and manager_id is null"
                + " order by id", this::row, teamId);
    }

    int openCount(long managerId) {
        Integer count = jdbc.queryForObject("select count(*) from missed_calls where open_number is not null"
                + " and manager_id = ?", Integer.class, managerId);
        return count == null ? 0 : count;
    }

    List<MissedCall> open() {
        return jdbc.query("select * from missed_calls where open_number is not null order by first_missed_at, id",
                this::row);
    }

    List<MissedCall> between(Instant from, Instant to) {
        return jdbc.query("select * from missed_calls where first_missed_at >= ? and first_missed_at < ?"
                + " order by first_missed_at, id", this::row, at(from), at(to));
    }

    private MissedCall row(ResultSet rs, int row) throws SQLException {
        return new MissedCall(rs.getLong("id"), rs.getString("client_number"), rs.getString("open_number") != null,
                instant(rs, "first_missed_at"), instant(rs, "last_missed_at"), rs.getInt("repeats"),
                number(rs, "contact_id"), number(rs, "deal_id"), number(rs, "team_id"), number(rs, "manager_id"),
                number(rs, "task_id"), rs.getString("task_text"), rs.getString("task_request"), rs.getInt("repeats_noted"),
                instant(rs, "deadline"), rs.getString("sms_outcome"),
                instant(rs, "escalated_at"), instant(rs, "called_back_at"), number(rs, "called_back_by"),
                rs.getObject("callback_seconds") == null ? null : rs.getInt("callback_seconds"),
                instant(rs, "task_completed_at"), instant(rs, "closed_at"));
    }

    private static Long number(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
