package io.jasyncio.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Rewrites the {@code @Async} methods of the main classes ({@code target/classes}). */
@Mojo(
        name = "instrument",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {
    /** The directory whose class files are rewritten in place. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File classesDirectory;

    @Override
    File classesDirectory() {
        return classesDirectory;
    }

    @Override
    List<String> classpath() throws DependencyResolutionRequiredException {
        return project.getCompileClasspathElements();
    }

    @Override
    String stateName() {
        return "instrument";
    }
}
