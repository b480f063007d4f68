package com.shiftrelay.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Integration tests run with the profiles named by the {@code it.profiles} system property ("sandbox,test"
 * by default); the CI adds "postgres" to run the same tests against PostgreSQL. A test {@link OnSandboxBitrix24} adds
 * the sandbox's Bitrix24 dialect (reached as its local application if it says so) and the test settings for it.
 */
public class IntegrationTestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        List<String> profiles = new ArrayList<>(List.of(System.getProperty("it.profiles", "sandbox,test")
                .split("\\s*,\\s*")));
        OnSandboxBitrix24 bitrix24 = testClass.getAnnotation(OnSandboxBitrix24.class);
        if (bitrix24 != null) {
            profiles.add(bitrix24.asApplication() ? "sandbox-bitrix24-app" : "sandbox-bitrix24");
            profiles.add("test-bitrix24");
        }
        return profiles.toArray(String[]::new);
    }
}
