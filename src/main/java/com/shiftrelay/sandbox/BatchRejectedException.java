package com.shiftrelay.sandbox;

import java.util.List;

/**
 * A PATCH batch had invalid items. Nothing of it was applied, unless the sandbox takes partial batches
 * ({@code shiftrelay.sandbox.partial-batches}): then its valid items were.
 */
class BatchRejectedException extends RuntimeException {

    /** What is wrong with one item; {@code requestId} identifies the item the way amoCRM does. */
    record ItemError(String requestId, String code, String path, String detail) {
    }

    private final List<ItemError> errors;

    BatchRejectedException(List<ItemError> errors) {
        super("Request validation failed");
        this.errors = List.copyOf(errors);
    }

    List<ItemError> errors() {
        return errors;
    }
}
