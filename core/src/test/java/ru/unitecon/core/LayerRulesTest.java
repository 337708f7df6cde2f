package ru.unitecon.core;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Arrays;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of core as docs/architecture.md "Layers" writes them down, checked on core's compiled classes. */
class LayerRulesTest {
    private static final String CORE = "ru.unitecon.core";
    /** Pure rules: what a lead, a client, a month, a channel and a portal's settings are and how they count. */
    private static final String[] DOMAIN = packages("access", "ads", "appointments", "attribution", "crm", "currency",
            "bookkeeping", "metrics", "portal");
    /** The Bitrix24 protocol: OAuth, REST, inbound forms and events, CRM field mapping. */
    private static final String[] BITRIX = packages("bitrix", "adsapi");
    private static final String[] STORE = packages("store");
    /** The use cases the adapters (functions, admin UI, local stack) call. */
    private static final String[] SERVICES = packages("adsimport", "alerts", "campaigns", "clients", "export", "install",
            "intake", "reminders", "robot", "spend", "sync");
    /** The changes queue on SQS, behind the services' ChangeQueue. */
    private static final String[] QUEUE = packages("queue");
    private static final String[] WIRING = packages("wiring");
    private static final String[] JAVA = {"java..", ""};
    /** Jackson and SLF4J, and Commons CSV for the spend files. */
    private static final String[] LIBRARIES = {"com.fasterxml.jackson..", "org.slf4j..", "org.apache.commons.csv.."};
    /** The JDK's ciphers, for sealing the ad accounts' tokens (AES-GCM). */
    private static final String[] CRYPTO = {"javax.crypto.."};
    private static final String AWS = "software.amazon.awssdk..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);

    @Test
    void everyCorePackageHasItsLayer() {
        classes().should().resideInAnyPackage(all(DOMAIN, BITRIX, STORE, SERVICES, QUEUE, WIRING))
                .check(CLASSES);
    }

    @Test
    void theDomainImportsNothingButItself() {
        classes().that().resideInAnyPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(all(DOMAIN, JAVA)).check(CLASSES);
    }

    @Test
    void theBitrixProtocolImportsTheDomainOnly() {
        classes().that().resideInAnyPackage(BITRIX)
                .should().onlyDependOnClassesThat().resideInAnyPackage(all(DOMAIN, BITRIX, JAVA, LIBRARIES, CRYPTO))
                .check(CLASSES);
    }

    @Test
    void theStoreImportsTheDomainTheProtocolsTokensAndTheAwsSdk() {
        classes().that().resideInAnyPackage(STORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(all(DOMAIN, BITRIX, STORE, JAVA,
                        new String[] {AWS}))
                .check(CLASSES);
    }

    @Test
    void servicesImportTheDomainTheProtocolAndTheStoreButNotTheAwsSdk() {
        classes().that().resideInAnyPackage(SERVICES)
                .should().onlyDependOnClassesThat().resideInAnyPackage(all(DOMAIN, BITRIX, STORE, SERVICES, JAVA,
                        LIBRARIES))
                .check(CLASSES);
    }

    @Test
    void onlyTheStoreTalksToDynamoDbAndOnlyTheQueueToSqs() {
        noClasses().that().resideOutsideOfPackages(all(STORE, QUEUE, WIRING))
                .should().dependOnClassesThat().resideInAnyPackage(AWS).check(CLASSES);
        noClasses().that().resideOutsideOfPackages(QUEUE)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services.sqs..")
                .check(CLASSES);
    }

    @Test
    void theQueueImportsTheServicesQueueTypesAndTheSqsSdkOnly() {
        classes().that().resideInAnyPackage(QUEUE)
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(all(QUEUE, JAVA,
                        new String[] {AWS})).or(JavaClass.Predicates.belongToAnyOf(ChangeQueue.class,
                        ChangeMessage.class)))
                .check(CLASSES);
    }

    /** The wiring hands the DynamoDB client to the stores; it names no other part of the SDK. */
    @Test
    void theWiringTakesOnlyTheDynamoDbClientFromTheSdk() {
        noClasses().that().resideInAnyPackage(WIRING)
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(AWS)
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(DynamoDbClient.class))))
                .check(CLASSES);
    }

    @Test
    void onlyTheAdaptersUseTheWiringAndTheQueue() {
        noClasses().that().resideOutsideOfPackages(WIRING)
                .should().dependOnClassesThat().resideInAnyPackage(WIRING).check(CLASSES);
        noClasses().that().resideOutsideOfPackages(QUEUE)
                .should().dependOnClassesThat().resideInAnyPackage(QUEUE).check(CLASSES);
    }

    @Test
    void coreHasNoLambdaVaadinOrSpringImports() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.amazonaws.services.lambda..", "com.vaadin..", "org.springframework..")
                .check(CLASSES);
    }

    private static String[] packages(String... names) {
        return Arrays.stream(names).map(name -> CORE + "." + name + "..").toArray(String[]::new);
    }

    private static String[] all(String[]... groups) {
        return Stream.of(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
