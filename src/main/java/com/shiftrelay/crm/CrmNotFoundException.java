package com.shiftrelay.crm;

/** The CRM does not know the thing asked for. */
public class CrmNotFoundException extends CrmException {
    public CrmNotFoundException(String message) {
        super(message);
    }
}
