package com.shiftrelay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.shiftrelay.crm.CrmGateway;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of docs/style: engine types stay in process glue, Feign in the adapters, planning pure. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.shiftrelay");
    }

    @Test
    void onlyProcessGlueAndEngineSetupUseTheEngine() {
        noClasses().that().resideOutsideOfPackages("..process..", "com.shiftrelay.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
                .because("a later move to another engine (Operaton, CIB seven) should touch process glue only")
                .check(classes);
    }

    @Test
    void onlyTheSecurityPackageConfiguresHttpSecurity() {
        noClasses().that().resideOutsideOfPackages("com.shiftrelay.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security.config..",
                        "org.springframework.security.web..")
                .because("who may call what is read in one place")
                .check(classes);
    }

    @Test
    void onlyTheCrmAdaptersUseFeign() {
        noClasses().that().resideOutsideOfPackages("com.shiftrelay.crm.amocrm..", "com.shiftrelay.crm.bitrix24..",
                        "com.shiftrelay.sms.smsru..")
                .should().dependOnClassesThat().resideInAnyPackage("feign..", "org.springframework.cloud.openfeign..")
                .check(classes);
    }

    @Test
    void theDomainSeesNoVendorAdapter() {
        noClasses().that().resideInAnyPackage("com.shiftrelay.presence..", "com.shiftrelay.handover..",
                        "com.shiftrelay.distribution..", "com.shiftrelay.intake..", "com.shiftrelay.telephony..",
                        "com.shiftrelay.calls..", "com.shiftrelay.sms")
                .should().dependOnClassesThat().resideInAnyPackage("com.shiftrelay.crm.amocrm..", "com.shiftrelay.crm.bitrix24..",
                        "com.shiftrelay.sandbox..")
                .check(classes);
    }

    @Test
    void theCrmAdaptersTalkToTheSandboxOnlyOverHttp() {
        noClasses().that().resideInAnyPackage("com.shiftrelay.crm..", "com.shiftrelay.sms..", "com.shiftrelay.telephony..")
                .should().dependOnClassesThat().resideInAnyPackage("com.shiftrelay.sandbox..")
                .because("the sandbox stands in for a CRM out there: the adapters must work against it exactly as"
                        + " against a real account, with nothing shared in memory")
                .check(classes);
    }

    @Test
    void theTwoCrmAdaptersDoNotLeanOnEachOther() {
        noClasses().that().resideInAnyPackage("com.shiftrelay.crm.bitrix24..")
                .should().dependOnClassesThat().resideInAnyPackage("com.shiftrelay.crm.amocrm..")
                .check(classes);
        noClasses().that().resideInAnyPackage("com.shiftrelay.crm.amocrm..")
                .should().dependOnClassesThat().resideInAnyPackage("com.shiftrelay.crm.bitrix24..")
                .check(classes);
    }

    @Test
    void distributionKnowsTheLedgerOnlyThroughItsPort() {
        noClasses().that().resideInAnyPackage("com.shiftrelay.distribution..")
                .should().dependOnClassesThat().resideInAnyPackage("com.shiftrelay.handover..")
                .because("hand-over plans by distribution's rules and strategies; distribution records its runs through"
                        + " DealMoves, so the two never depend on each other both ways")
                .check(classes);
    }

    @Test
    void presenceKnowsNothingOfWhatIsBuiltOnIt() {
        noClasses().that().resideInAnyPackage("com.shiftrelay.presence..")
                .should().dependOnClassesThat().resideInAnyPackage("com.shiftrelay.handover..",
                        "com.shiftrelay.distribution..", "com.shiftrelay.schedule..", "com.shiftrelay.telephony..",
                        "com.shiftrelay.calls..", "com.shiftrelay.sms..")
                .check(classes);
    }

    @Test
    void schedulesKnowNothingOfWhatPlacesDeals() {
        noClasses().that().resideInAnyPackage("com.shiftrelay.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("com.shiftrelay.handover..",
                        "com.shiftrelay.distribution..")
                .because("distribution asks the schedules who is on shift; the schedules hand deals over only through"
                        + " the DealHandover process")
                .check(classes);
    }

    @Test
    void aWebhookIsAnsweredWithoutCallingTheCrm() {
        noClasses().that().haveSimpleNameStartingWith("AmoCrmWebhook").or().haveSimpleNameStartingWith("Bitrix24Webhook")
                .or().resideInAPackage("com.shiftrelay.intake").or().resideInAPackage("com.shiftrelay.telephony")
                .should().dependOnClassesThat(JavaClass.Predicates.assignableTo(CrmGateway.class)
                        .or(JavaClass.Predicates.simpleName("AmoCrmApi"))
                        .or(JavaClass.Predicates.simpleName("AmoCrmCalls"))
                        .or(JavaClass.Predicates.simpleName("Bitrix24Calls"))
                        .or(JavaClass.Predicates.resideInAnyPackage("feign..")))
                .because("the CRM waits for the webhook's answer and gives up on a slow one; fetching what a CRM kept"
                        + " (intake.feed) is no answer to anyone")
                .check(classes);
    }

    @Test
    void planningIsPure() {
        // java.time.Clock is a class, not a package: named among the packages it would match nothing.
        noClasses().that().haveSimpleNameEndingWith("Planner")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
                        "jakarta.persistence..", "java.net..", "java.io..", "java.nio..")
                .orShould().dependOnClassesThat().belongToAnyOf(Clock.class)
                .because("a plan is worked out from what it is given: no I/O, and the time as an Instant, not a clock")
                .check(classes);
    }
}
