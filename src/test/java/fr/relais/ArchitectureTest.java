package fr.relais;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shape of the code, checked: feature packages without cycles between them, {@code web} as infrastructure
 * only, controllers that never call one another and stay short, and each feature's tables reached only through
 * its own package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
    /** Above this, a controller does more than one thing: split it by what the person does. */
    static final int MAX_CONTROLLER_LINES = 250;
    private JavaClasses relais;

    @BeforeAll
    void importMainClasses() {
        relais = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.relais");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("fr.relais.(*)..").should().beFreeOfCycles().check(relais);
    }

    @Test
    void webIsInfrastructureOnly() {
        noClasses().that().resideInAPackage("fr.relais.web..")
                .should().dependOnClassesThat(resideInAPackage("fr.relais..").and(not(resideInAPackage("fr.relais.web.."))))
                .check(relais);
    }

    @Test
    void controllersNeverCallAnotherController() {
        classes().that().areAnnotatedWith(Controller.class).should(dependOnNoOtherController()).check(relais);
    }

    @Test
    void repositoriesAreReachedFromTheirOwnPackageOnly() {
        classes().that().areAssignableTo(GenericRepository.class).and().areInterfaces()
                .should(beAccessedOnlyFromTheirPackage()).check(relais);
    }

    @Test
    void controllersStayShort() throws IOException {
        List<String> tooLong = new ArrayList<>();
        Path main = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Controller.java")).toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > MAX_CONTROLLER_LINES) {
                    tooLong.add(main.relativize(file) + " (" + lines + " lines)");
                }
            }
        }
        assertEquals(List.of(), tooLong, "controllers over " + MAX_CONTROLLER_LINES + " lines");
    }

    private static ArchCondition<JavaClass> dependOnNoOtherController() {
        return new ArchCondition<>("depend on no other controller") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency d : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = outermost(d.getTargetClass());
                    if (!target.equals(controller) && target.isAnnotatedWith(Controller.class)) {
                        events.add(SimpleConditionEvent.violated(controller, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirPackage() {
        return new ArchCondition<>("be used only by classes of their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency d : repository.getDirectDependenciesToSelf()) {
                    if (!d.getOriginClass().getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(repository, d.getDescription()));
                    }
                }
            }
        };
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
