package com.shiftrelay.sms;

/** The gateway did not take the message now and may later: the step that sends it is tried again. */
public class SmsUnavailableException extends RuntimeException {

    public SmsUnavailableException(String message) {
        super(message);
    }

    public SmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
