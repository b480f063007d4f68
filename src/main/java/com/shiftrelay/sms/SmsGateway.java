package com.shiftrelay.sms;

/**
 * The SMS port: one text to one number, answered with the gateway's id of the message. A gateway refusing the message
 * for good (a bad number, no funds, a wrong key) is {@link SmsRejectedException}; one that may take it later (it is
 * down, it says "try again") is {@link SmsUnavailableException}.
 */
public interface SmsGateway {

    String send(String number, String text);
}
