package com.shiftrelay.sandbox;

/**
 * An error the Bitrix24 dialect answers as a portal does: {@code {"error":"CODE","error_description":".."}} with its
 * HTTP status (error-codes.md). A method's own errors may come with an empty code; a {@code batch} puts them under
 * its command's key in {@code result_error} instead.
 */
class SandboxBitrix24Error extends RuntimeException {

    private final int status;
    private final String code;

    SandboxBitrix24Error(int status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    /** A parameter the method cannot take: 400 {@code INVALID_ARG_VALUE}. */
    static SandboxBitrix24Error badArgument(String description) {
        return new SandboxBitrix24Error(400, "INVALID_ARG_VALUE", description);
    }

    /** An object the portal does not have: 400 with an empty code and "Not found", as crm.deal.* answer. */
    static SandboxBitrix24Error notFound() {
        return new SandboxBitrix24Error(400, "", "Not found");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
