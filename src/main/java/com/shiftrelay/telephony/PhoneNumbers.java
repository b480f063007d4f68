package com.shiftrelay.telephony;

import com.shiftrelay.web.InvalidFieldException;

/**
 * A client's phone number as the CRM finds it and the SMS gateway takes it: digits only, Russian numbers as
 * {@code 7XXXXXXXXXX} however they were written ({@code 8 (916) 123-45-67}, {@code +7 916 123 45 67}, {@code 9161234567}),
 * other countries' numbers as their international digits when written with {@code +}. Anything else (an extension,
 * letters, a number of the wrong length) is refused naming the field, rather than guessed at.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** @throws InvalidFieldException naming {@code field} when the text is not a phone number */
    public static String normalise(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, field + " must be a phone number; it is empty");
        }
        String text = raw.strip();
        boolean international = text.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (int i = international ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\u00a0') {
                throw new InvalidFieldException(field, field + " must be a phone number, not " + raw);
            }
        }
        String number = digits.toString();
        if (international) {
            if (number.startsWith("7")) {
                return russian(number, raw, field);
            }
            if (number.length() >= 8 && number.length() <= 15 && !number.startsWith("0")) {
                return number;
            }
            throw new InvalidFieldException(field, field + " must be a phone number, not " + raw);
        }
        if (number.length() == 10 && !number.startsWith("0")) {
            // A Russian number without its trunk prefix: 916 123-45-67.
            return "7" + number;
        }
        if (number.length() == 11 && (number.startsWith("8") || number.startsWith("7"))) {
            return "7" + number.substring(1);
        }
        throw new InvalidFieldException(field, field + " must be a phone number (7XXXXXXXXXX, 8XXXXXXXXXX, +7...), not "
                + raw);
    }

    private static String russian(String digits, String raw, String field) {
        if (digits.length() != 11) {
            throw new InvalidFieldException(field, field + " must have 10 digits after +7, not " + raw);
        }
        return digits;
    }
}
