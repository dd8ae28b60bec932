package io.jasyncio.maven;

import io.jasyncio.rewriter.Rewriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Shared by {@code instrument} and {@code instrument-tests}: rewrite one output directory in place. */
abstract class AbstractInstrumentMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips the rewriting. */
    @Parameter(property = "jasyncio.skip", defaultValue = "false")
    boolean skip;

    /** Lists every class file rewritten. */
    @Parameter(property = "jasyncio.verbose", defaultValue = "false")
    boolean verbose;

    /**
     * Whether a misused {@code @Async}/{@code await} fails the build. When false the problems are
     * logged as warnings and those classes are left un-rewritten (their {@code await} calls then
     * fail at run time with the same explanation).
     */
    @Parameter(property = "jasyncio.failOnError", defaultValue = "true")
    boolean failOnError;

    /**
     * Skips the class files that are unchanged since the last run (recorded in
     * {@code target/jasyncio/}). False makes every class file go through the rewriter again.
     */
    @Parameter(property = "jasyncio.incremental", defaultValue = "true")
    boolean incremental;

    abstract File classesDirectory();

    abstract List<String> classpath() throws DependencyResolutionRequiredException;

    /** Name of the incremental-state file under {@code target/jasyncio/}. */
    abstract String stateName();

    boolean skipped() {
        return skip;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            getLog().info("jasyncio: skipped");
            return;
        }
        Path classes = classesDirectory().toPath();
        if (!Files.isDirectory(classes)) {
            getLog().info("jasyncio: " + classes + " does not exist, nothing to rewrite");
            return;
        }
        Path stateFile = Path.of(project.getBuild().getDirectory(), "jasyncio", stateName() + ".state");
        InstrumentReport report;
        try (ClassPathTypeHierarchy hierarchy = new ClassPathTypeHierarchy(classpath())) {
            report = new Instrumenter(classes, stateFile, fingerprint(), hierarchy).run(incremental);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("jasyncio: the project's class path is not resolved", e);
        } catch (IOException e) {
            throw new MojoExecutionException("jasyncio: cannot rewrite " + classes + ": " + e, e);
        }
        if (verbose) {
            report.rewritten.forEach(file -> getLog().info("jasyncio: rewrote " + file));
        }
        report.warnings.forEach(w -> getLog().warn(w));
        if (!report.errors.isEmpty()) {
            if (failOnError) {
                report.errors.forEach(e -> getLog().error(e));
            } else {
                report.errors.forEach(e -> getLog().warn(e));
            }
        }
        getLog().info(report.summary(
                project.getBasedir().toPath().relativize(classes).toString()));
        if (!report.errors.isEmpty() && failOnError) {
            throw new MojoFailureException("jasyncio found " + report.errors.size() + " error"
                    + (report.errors.size() == 1 ? "" : "s") + " (the classes concerned were left unchanged):\n"
                    + String.join("\n", report.errors));
        }
    }

    /** Identifies the plugin and rewriter in use, so that a new build of either redoes every class. */
    private static String fingerprint() {
        return "jasyncio-state-2 " + codeStamp(AbstractInstrumentMojo.class) + " " + codeStamp(Rewriter.class);
    }

    private static String codeStamp(Class<?> type) {
        try {
            Path location = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getFileName() + ":" + BuildState.stamp(location);
        } catch (Exception e) {
            return type.getName() + ":unknown";
        }
    }
}
