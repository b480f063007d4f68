package com.shiftrelay.crm;

/**
 * A user's work day as the CRM's own time clock keeps it (Bitrix24's {@code timeman.status}): opened, paused for a
 * break, closed, or expired (opened on an earlier day and never closed).
 */
public enum WorkDay { OPENED, PAUSED, CLOSED, EXPIRED }
