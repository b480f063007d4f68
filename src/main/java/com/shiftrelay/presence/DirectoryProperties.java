package com.shiftrelay.presence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How CRM users become Tasklist users.
 *
 * @param initialPassword password given to a newly created Tasklist user; blank = none (set it in Admin)
 */
@ConfigurationProperties("shiftrelay.directory")
public record DirectoryProperties(String initialPassword) {

    public boolean hasInitialPassword() {
        return initialPassword != null && !initialPassword.isBlank();
    }
}
