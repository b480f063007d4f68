package com.shiftrelay.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which deliveries the webhook takes: with the secret configured, and from the account configured if any. */
class AmoCrmWebhookPropertiesTest {

    @Test
    void withNoSecretConfiguredNothingIsTaken() {
        for (String none : new String[] {null, "", "   "}) {
            AmoCrmWebhookProperties properties = new AmoCrmWebhookProperties(none, null);

            assertThat(properties.acceptsSecret(none)).isFalse();
            assertThat(properties.acceptsSecret("")).isFalse();
            assertThat(properties.acceptsSecret("anything")).isFalse();
        }
    }

    @Test
    void onlyTheWholeSecretIsTaken() {
        AmoCrmWebhookProperties properties = new AmoCrmWebhookProperties("s3cret-Xy", null);

        assertThat(properties.acceptsSecret("s3cret-Xy")).isTrue();
        assertThat(properties.acceptsSecret("s3cret-X")).isFalse();
        assertThat(properties.acceptsSecret("s3cret-Xyz")).isFalse();
        assertThat(properties.acceptsSecret("S3CRET-XY")).isFalse();
        assertThat(properties.acceptsSecret(null)).isFalse();
    }

    @Test
    void anAccountIsCheckedOnlyWhenOneIsConfigured() {
        assertThat(new AmoCrmWebhookProperties("s", null).acceptsAccount("anyone")).isTrue();
        assertThat(new AmoCrmWebhookProperties("s", null).acceptsAccount(null)).isTrue();

        AmoCrmWebhookProperties clinic = new AmoCrmWebhookProperties("s", "clinic");
        assertThat(clinic.acceptsAccount("clinic")).isTrue();
        assertThat(clinic.acceptsAccount("Clinic")).as("subdomains know no case").isTrue();
        assertThat(clinic.acceptsAccount("other-clinic")).isFalse();
        assertThat(clinic.acceptsAccount(null)).isFalse();
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(new AmoCrmWebhookProperties("s3cret-Xy", "clinic").toString()).doesNotContain("s3cret-Xy")
                .contains("clinic");
    }
}
