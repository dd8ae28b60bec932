package io.jasyncio.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Rewrites the {@code @Async} methods of the test classes ({@code target/test-classes}). */
@Mojo(
        name = "instrument-tests",
        defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class InstrumentTestsMojo extends AbstractInstrumentMojo {
    /** The directory whose class files are rewritten in place. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    File testClassesDirectory;

    /** Like the compiler and Surefire, nothing to do when test compilation is skipped. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skipTestCompilation;

    @Override
    File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    List<String> classpath() throws DependencyResolutionRequiredException {
        return project.getTestClasspathElements();
    }

    @Override
    String stateName() {
        return "instrument-tests";
    }

    @Override
    boolean skipped() {
        return skip || skipTestCompilation;
    }
}
