package com.shiftrelay.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the sandbox ShiftRelay does not start while the Camunda administrator would get the password
 * everybody knows: {@code admin}, or none (the engine then takes the user id). It checks before any bean
 * is made, so the engine never creates that user: Camunda sets the password only when it creates the
 * user, and a later {@code SHIFTRELAY_ADMIN_PASSWORD} would not change it.
 */
@Component
class DefaultAdminPassword implements BeanFactoryPostProcessor {

    static final String PROVIDER = "shiftrelay.crm.provider";
    static final String ADMIN_ID = "camunda.bpm.admin-user.id";
    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Made before autowiring exists, this bean takes the environment from the factory itself.
        refuseOutsideTheSandbox(beanFactory.getBean(Environment.class));
    }

    static void refuseOutsideTheSandbox(Environment environment) {
        Binder binder = Binder.get(environment);
        String provider = binder.bind(PROVIDER, String.class).orElse("sandbox").trim();
        String admin = binder.bind(ADMIN_ID, String.class).orElse("");
        if (provider.equalsIgnoreCase("sandbox") || admin.isBlank()) {
            return;
        }
        String password = binder.bind(ADMIN_PASSWORD, String.class).orElse("");
        if (password.isBlank() || password.equals("admin")) {
            throw new DefaultAdminPasswordException(provider, admin);
        }
    }

    /** The administrator's password is the default one, with a real CRM connected. */
    static final class DefaultAdminPasswordException extends IllegalStateException {

        DefaultAdminPasswordException(String provider, String admin) {
            super("ShiftRelay refuses to start with the CRM '" + provider + "' while the administrator '" + admin
                    + "' has the default password (admin, or none). Set SHIFTRELAY_ADMIN_PASSWORD"
                    + " (camunda.bpm.admin-user.password) to a password of your own.");
        }
    }
}
