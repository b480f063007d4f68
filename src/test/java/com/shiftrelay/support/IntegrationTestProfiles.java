package com.shiftrelay.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Integration tests run with the profiles named by the {@code it.profiles} system property ("sandbox,test"
 * by default); the CI adds "postgres" to run the same tests against PostgreSQL.
 */
public class IntegrationTestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        String profiles = System.getProperty("it.profiles", "sandbox,test");
        return profiles.split("\\s*,\\s*");
    }
}
