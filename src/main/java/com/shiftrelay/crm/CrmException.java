package com.shiftrelay.crm;

/** A CRM call failed; subclasses say how. Technical failures are left to job retries and incidents. */
public class CrmException extends RuntimeException {
    public CrmException(String message) {
        super(message);
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
