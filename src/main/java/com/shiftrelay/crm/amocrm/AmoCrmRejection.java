package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmRejectedException;
import java.util.List;

/**
 * A 400/422 from amoCRM with its validation errors still attached, so the caller that knows which request
 * index was which deal can name the deals.
 */
final class AmoCrmRejection extends CrmRejectedException {

    private final List<AmoCrmApi.ValidationError> validationErrors;

    AmoCrmRejection(String message, List<AmoCrmApi.ValidationError> validationErrors) {
        super(message, List.of());
        this.validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    }

    List<AmoCrmApi.ValidationError> validationErrors() {
        return validationErrors;
    }
}
