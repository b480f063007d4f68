package com.shiftrelay.sms;

/** The gateway will not send this message, whatever the number of tries: named with the number and its code. */
public class SmsRejectedException extends RuntimeException {

    private final String number;
    private final int code;

    public SmsRejectedException(String number, int code, String reason) {
        super("The SMS to " + number + " was refused (" + code + "): " + reason);
        this.number = number;
        this.code = code;
    }

    public String number() {
        return number;
    }

    public int code() {
        return code;
    }
}
