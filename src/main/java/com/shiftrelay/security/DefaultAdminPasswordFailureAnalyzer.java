package com.shiftrelay.security;

import com.shiftrelay.security.DefaultAdminPassword.DefaultAdminPasswordException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains the refusal of {@link DefaultAdminPassword} under "APPLICATION FAILED TO START", without a stack trace. */
class DefaultAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<DefaultAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DefaultAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variable SHIFTRELAY_ADMIN_PASSWORD to a password of your own before the first"
                        + " start against a real CRM, for example: export SHIFTRELAY_ADMIN_PASSWORD='...'. The default"
                        + " password is allowed only with the sandbox CRM (the default profile).",
                cause);
    }
}
