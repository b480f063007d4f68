package com.shiftrelay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.shiftrelay.ShiftRelayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Outside the sandbox ShiftRelay refuses to start with the administrator's default password, and says why. */
@ExtendWith(OutputCaptureExtension.class)
class DefaultAdminPasswordIT {

    @Test
    void aRealCrmWithTheDefaultAdminPasswordStopsTheStartAndNamesTheVariable(CapturedOutput output) {
        assumeTrue(System.getenv("SHIFTRELAY_ADMIN_PASSWORD") == null
                && System.getenv("CAMUNDA_BPM_ADMIN_USER_PASSWORD") == null, "the default password is in force");

        assertThatThrownBy(() -> new SpringApplicationBuilder(ShiftRelayApplication.class)
                .profiles("sandbox")
                .run("--shiftrelay.crm.provider=amocrm",
                        "--shiftrelay.crm.amocrm.base-url=http://localhost:1",
                        "--spring.datasource.url=jdbc:h2:mem:admin-password;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
                        "--server.port=0")
                .close())
                .isInstanceOf(DefaultAdminPassword.DefaultAdminPasswordException.class)
                .hasMessage("ShiftRelay refuses to start with the CRM 'amocrm' while the administrator 'admin'"
                        + " has the default password (admin, or none). Set SHIFTRELAY_ADMIN_PASSWORD"
                        + " (camunda.bpm.admin-user.password) to a password of your own.");

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("Set the environment variable SHIFTRELAY_ADMIN_PASSWORD")
                .doesNotContain("ENGINE-00001 Process Engine default created");
    }

    @Test
    void aPasswordOfOneselfOrTheSandboxPassTheCheck() {
        assertThatCode(() -> DefaultAdminPassword.refuseOutsideTheSandbox(environment("amocrm", "admin", "s3cret-Pass")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DefaultAdminPassword.refuseOutsideTheSandbox(environment("sandbox", "admin", "admin")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DefaultAdminPassword.refuseOutsideTheSandbox(new MockEnvironment()))
                .as("no provider set is the sandbox").doesNotThrowAnyException();
    }

    @Test
    void noPasswordIsRefusedLikeTheDefault() {
        assertThatThrownBy(() -> DefaultAdminPassword.refuseOutsideTheSandbox(environment("AMOCRM", "boss", " ")))
                .hasMessageContaining("SHIFTRELAY_ADMIN_PASSWORD").hasMessageContaining("'boss'");
        assertThatThrownBy(() -> DefaultAdminPassword.refuseOutsideTheSandbox(environment("amocrm", "admin", "admin")))
                .hasMessageContaining("SHIFTRELAY_ADMIN_PASSWORD");
    }

    private static MockEnvironment environment(String provider, String admin, String password) {
        return new MockEnvironment()
                .withProperty(DefaultAdminPassword.PROVIDER, provider)
                .withProperty(DefaultAdminPassword.ADMIN_ID, admin)
                .withProperty(DefaultAdminPassword.ADMIN_PASSWORD, password);
    }
}
