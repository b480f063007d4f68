package com.shiftrelay.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.web.InvalidFieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8 (916) 123-45-67   | 79161234567",
            "+7 916 123 45 67    | 79161234567",
            "+7(916)123-45-67    | 79161234567",
            "79161234567         | 79161234567",
            "89161234567         | 79161234567",
            "9161234567          | 79161234567",
            "8-495-123-45-67     | 74951234567",
            "' 8 916 123.45.67 ' | 79161234567",
            "+44 20 7946 0958    | 442079460958",
            "+375 29 123-45-67   | 375291234567",
    })
    void aRussianNumberBecomesSevenAndTenDigitsHoweverItWasWritten(String raw, String normalised) {
        assertThat(PhoneNumbers.normalise(raw, "clientNumber")).isEqualTo(normalised);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"101", "abc", "+7 916 123", "+7 916 123 45 678", "8916123456789", "69161234567",
            "+0 123 456 789", "916-12-34", "79161234567;drop", "8 916 123 45 67 доб. 12"})
    void anythingElseIsRefusedNamingTheField(String raw) {
        assertThatThrownBy(() -> PhoneNumbers.normalise(raw, "data[PHONE_NUMBER]"))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("data[PHONE_NUMBER]"));
    }
}
