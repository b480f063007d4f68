package com.shiftrelay.crm;

/** The CRM could not be reached or answered with a server error; worth retrying later. */
public class CrmUnavailableException extends CrmException {
    public CrmUnavailableException(String message) {
        super(message);
    }

    public CrmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
