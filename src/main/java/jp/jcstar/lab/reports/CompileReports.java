package jp.jcstar.lab.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles the report templates at build time ({@code process-classes}, see pom.xml): each {@code reports/*.jrxml}
 * becomes a {@code .jasper} next to it on the classpath, which {@link ReportRenderer} loads, so that the app does not
 * compile them at every start. A template that does not compile fails the build, naming it.
 *
 * <p>Arguments: the templates' directory, the output directory.
 */
public final class CompileReports {

    private CompileReports() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CompileReports <templates directory> <output directory>");
        }
        Path templates = Path.of(args[0]);
        Path output = Files.createDirectories(Path.of(args[1]));
        List<Path> sources;
        try (Stream<Path> files = Files.list(templates)) {
            sources = files.filter(file -> file.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path source : sources) {
            String name = source.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            try {
                JasperCompileManager.compileReportToFile(source.toString(), output.resolve(name).toString());
            } catch (JRException e) {
                throw new IllegalStateException("Report template " + source + " failed to compile: " + e.getMessage(), e);
            }
        }
        System.out.println("Compiled " + sources.size() + " report templates into " + output);
    }
}
