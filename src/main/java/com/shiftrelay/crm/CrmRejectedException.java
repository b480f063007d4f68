package com.shiftrelay.crm;

import java.util.List;

/** The CRM refused a request as invalid (HTTP 400 and the like); retrying the same request will not help. */
public class CrmRejectedException extends CrmException {
    private final List<String> errors;

    public CrmRejectedException(String message, List<String> errors) {
        super(errors.isEmpty() ? message : message + ": " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
