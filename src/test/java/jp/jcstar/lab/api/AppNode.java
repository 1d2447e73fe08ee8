package jp.jcstar.lab.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jp.jcstar.lab.WebAppTest;

/**
 * One app node: this build's app in a JVM of its own (as {@code java -jar} runs it), on a given database, named for
 * the job tables, with its own environment. It can be killed as a power cut kills it and started again.
 */
final class AppNode {

    final String name;
    final int port;
    private final String dbUrl;
    private final String dbUser;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private Process process;

    AppNode(String name, String dbUrl, String dbUser, Map<String, String> environment, String... arguments)
            throws IOException {
        this.name = name;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.environment = Map.copyOf(environment);
        this.arguments = List.of(arguments);
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), "jp.jcstar.lab.JcstarLabApplication"));
        command.addAll(arguments);
        // A directory of its own: started in the project, the working directory would be a classpath root that
        // holds bpmn/ and forms/ a second time.
        Path home = Files.createDirectories(Path.of("target", "nodes", name)).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("node.log").toFile()));
        Map<String, String> env = new HashMap<>(Map.of("JCSTAR_DB_URL", dbUrl, "JCSTAR_DB_USER", dbUser,
                "JCSTAR_ADMIN_PASSWORD", WebAppTest.ADMIN_PASSWORD, "JCSTAR_NODE_NAME", name,
                "PORT", String.valueOf(port)));
        env.putAll(environment);
        builder.environment().putAll(env);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(180);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see target/nodes/" + name + "/node.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " did not start within 180 s; see target/nodes/" + name + "/node.log");
            }
            Thread.sleep(500);
        }
    }

    /** kill -9: no shutdown hook, no closing of connections, as a power cut or an OOM killer does it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** A count read straight from the node's database. */
    long count(String sql) {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "");
             var result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of each row, read straight from the node's database. */
    List<String> strings(String sql) {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "");
             var result = db.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not reached within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
