package com.shiftrelay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The element templates in {@code .camunda/element-templates/} that Camunda Modeler offers a process owner: each is
 * valid against Camunda's own element-template schema (downloaded by the build, see the pom), each delegate it sets
 * is a {@link JavaDelegate} bean of ShiftRelay, each process it calls is one of {@code processes/}, and each service
 * task it makes is asynchronous, as every ShiftRelay task that calls out must be.
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of(".camunda", "element-templates");
    private static final String SCHEMA_FILE = System.getProperty("element-templates.schema",
            "target/element-templates-schema/schema.json");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final ObjectMapper json = new ObjectMapper();

    private static Schema schema;
    /** One template on its own: the whole schema's oneOf (a template, or an array of them) hides why one fails. */
    private static Schema templateSchema;
    private static Map<String, Class<?>> components;
    private static Set<String> processes;

    @BeforeAll
    static void loadCamundasSchemaAndShiftRelaysBeansAndProcesses() throws IOException {
        Path schemaFile = Path.of(SCHEMA_FILE);
        assertThat(schemaFile)
                .as("Camunda's element-template schema, which the build downloads from the npm registry in the phase "
                        + "generate-test-resources (run the test through Maven, online the first time)")
                .isRegularFile();
        String schemaText = Files.readString(schemaFile);
        JsonNode schemaNode = json.readTree(schemaText);
        assertThat(schemaNode.path("$schema").asText())
                .as("the draft the schema is written in, which the validator below is set up for")
                .isEqualTo("http://json-schema.org/draft-07/schema");
        String schemaId = schemaNode.path("$id").asText();
        // The schema is known by its $id from the downloaded file; nothing is fetched while validating.
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft7(), builder -> builder
                .schemas(Map.of(schemaId, schemaText))
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        schema = registry.getSchema(SchemaLocation.of(schemaId));
        templateSchema = registry.getSchema(SchemaLocation.of(schemaId + "#/definitions/template"));
        assertThat(schema.getSchemaContext().getDialect().getSpecificationVersion())
                .isEqualTo(SpecificationVersion.DRAFT_7);

        components = componentsByBeanName();
        processes = processIds();
    }

    static Stream<Path> templateFiles() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            List<Path> templates = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(templates).as("element templates in " + TEMPLATES).isNotEmpty();
            return templates.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("templateFiles")
    void isValidAgainstCamundasElementTemplateSchema(Path file) {
        List<Error> errors = schema.validate(read(file));

        assertThat(errors).as(() -> file + " against the element-template schema; per template: "
                + templates(file).stream().map(templateSchema::validate).map(ElementTemplatesTest::describe).toList())
                .isEmpty();
    }

    @Test
    void theSchemaRejectsABrokenTemplate() {
        // Proof that the validation above is not vacuous: a binding type Camunda does not know is an error.
        JsonNode broken = read("""
                {"name": "x", "id": "x", "appliesTo": ["bpmn:ServiceTask"],
                 "properties": [{"type": "Hidden", "value": "x", "binding": {"type": "camunda:nonsense"}}]}
                """);

        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void everyDelegateExpressionNamesAJavaDelegateOfShiftRelay() {
        List<String> expressions = bindingValues("camunda:delegateExpression");

        assertThat(expressions).isNotEmpty().allSatisfy(expression -> {
            Matcher bean = BEAN_EXPRESSION.matcher(expression);
            assertThat(bean.matches()).as("%s is a plain ${beanName}", expression).isTrue();
            assertThat(components).as("a Spring bean named %s", bean.group(1)).containsKey(bean.group(1));
            assertThat(JavaDelegate.class).as("the type of bean %s", bean.group(1))
                    .isAssignableFrom(components.get(bean.group(1)));
        });
    }

    @Test
    void theBeanLookupFindsTheDiagramsDelegatesAndNothingElse() throws IOException {
        // Proof that the lookup above tells a bean that exists from one that does not.
        List<String> inDiagrams = new ArrayList<>();
        for (BpmnModelInstance diagram : diagrams()) {
            diagram.getModelElementsByType(ServiceTask.class).stream().map(ServiceTask::getCamundaDelegateExpression)
                    .map(BEAN_EXPRESSION::matcher).filter(Matcher::matches).forEach(m -> inDiagrams.add(m.group(1)));
        }

        assertThat(inDiagrams).isNotEmpty();
        assertThat(components).containsKeys(inDiagrams.toArray(String[]::new)).doesNotContainKey("assignNewDealDelegate");
    }

    @Test
    void everyCalledElementIsAProcessOfProcessesFolder() {
        List<String> called = bindingValues("calledElement");

        assertThat(called).isNotEmpty();
        assertThat(processes).containsAll(called);
    }

    @Test
    void everyServiceTaskTemplateMakesAnAsynchronousTask() throws IOException {
        for (Path file : templateFiles().toList()) {
            for (JsonNode template : templates(file)) {
                if (template.path("elementType").path("value").asText().equals("bpmn:ServiceTask")) {
                    JsonNode async = property(template, "camunda:asyncBefore");
                    assertThat(async).as("%s: camunda:asyncBefore", template.path("id").asText()).isNotNull();
                    assertThat(async.path("type").asText()).isEqualTo("Hidden");
                    assertThat(async.path("value").asBoolean()).isTrue();
                }
            }
        }
    }

    @Test
    void templateIdsAreUnique() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : templateFiles().toList()) {
            templates(file).forEach(template -> ids.add(template.path("id").asText()));
        }

        assertThat(ids).doesNotHaveDuplicates();
    }

    /** The values the templates give to a BPMN attribute (a {@code property} binding), over all templates. */
    private static List<String> bindingValues(String attribute) {
        List<String> values = new ArrayList<>();
        try {
            for (Path file : templateFiles().toList()) {
                for (JsonNode template : templates(file)) {
                    JsonNode property = property(template, attribute);
                    if (property != null) {
                        values.add(property.path("value").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(error -> error.getInstanceLocation() + " " + error.getKeyword() + " "
                + Arrays.toString(error.getArguments())).toList();
    }

    private static JsonNode property(JsonNode template, String attribute) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if (binding.path("type").asText().equals("property") && binding.path("name").asText().equals(attribute)) {
                return property;
            }
        }
        return null;
    }

    /** A template file holds one template or an array of them. */
    private static List<JsonNode> templates(Path file) {
        JsonNode content = read(file);
        List<JsonNode> templates = new ArrayList<>();
        if (content.isArray()) {
            content.forEach(templates::add);
        } else {
            templates.add(content);
        }
        return templates;
    }

    /**
     * ShiftRelay's own components (not the tests'), by the bean name Spring gives them when it scans: the class
     * name with a lower-case first letter, or the name the annotation sets.
     */
    private static Map<String, Class<?>> componentsByBeanName() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        scanner.addExcludeFilter((reader, factory) -> reader.getResource().getURL().toString().contains("/test-classes/"));
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> beans = new HashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.shiftrelay")) {
            try {
                beans.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry),
                        Class.forName(candidate.getBeanClassName(), false, ElementTemplatesTest.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return beans;
    }

    /** The ids of the processes ShiftRelay deploys (the deployment's pattern {@code processes/**}). */
    private static Set<String> processIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (BpmnModelInstance diagram : diagrams()) {
            diagram.getModelElementsByType(Process.class).forEach(process -> ids.add(process.getId()));
        }
        assertThat(ids).as("processes in processes/ on the classpath").isNotEmpty();
        return ids;
    }

    private static List<BpmnModelInstance> diagrams() throws IOException {
        List<BpmnModelInstance> diagrams = new ArrayList<>();
        for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
            try (InputStream in = bpmn.getInputStream()) {
                diagrams.add(Bpmn.readModelFromStream(in));
            }
        }
        return diagrams;
    }

    private static JsonNode read(Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
