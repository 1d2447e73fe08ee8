package jp.jcstar.lab.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.WebAppTest;

/** A plain HTTP client for the running app, speaking as one user with HTTP Basic, as a lab's script would. */
public class LabApi {

    public static final String PASSWORD = "test-user-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public LabApi(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Reply(int status, byte[] body, String contentType) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Reply get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), user, password);
    }

    public Reply get(String path, String user) {
        return get(path, user, PASSWORD);
    }

    public Reply post(String path, String user, String password, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), user, password);
    }

    public Reply post(String path, String user, Object body) {
        return post(path, user, PASSWORD, body);
    }

    /** Any method with a JSON body, as the default password. */
    public Reply send(String method, String path, String user, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body))), user, PASSWORD);
    }

    public Reply put(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(HttpRequest.BodyPublishers.noBody()),
                user, password);
    }

    /** Deploys files through /engine-rest as Camunda Modeler's Deploy button does (multipart/form-data). */
    public Reply deploy(String user, String password, String deploymentName, Map<String, byte[]> files) {
        String boundary = "----jcstar" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = s -> body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + deploymentName + "\r\n");
        files.forEach((name, content) -> {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            text.accept("\r\n");
        });
        text.accept("--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), user, password);
    }

    /** Creates a user in a group through Camunda's REST API, as an administrator does in Camunda Admin. */
    public void createUser(String adminPassword, String userId, String group) {
        Reply created = post("/engine-rest/user/create", "admin", adminPassword, Map.of(
                "profile", Map.of("id", userId, "firstName", userId, "lastName", "Test", "email", userId + "@lab.example"),
                "credentials", Map.of("password", PASSWORD)));
        if (created.status() != 204) {
            throw new IllegalStateException("Creating " + userId + " failed: " + created.status() + " " + created.text());
        }
        Reply member = put("/engine-rest/group/" + group + "/members/" + userId, "admin", adminPassword);
        if (member.status() != 204) {
            throw new IllegalStateException("Adding " + userId + " to " + group + " failed: " + member.text());
        }
    }

    /** Registers a manufacturer company through POST /api/manufacturers, as the lab's administrator. */
    public void registerCompany(String id, String name) {
        expectCreated(post("/api/manufacturers", "admin", WebAppTest.ADMIN_PASSWORD, Map.of("id", id, "name", name)));
    }

    /** Registers a manufacturer's user with {@link #PASSWORD}. */
    public void registerManufacturerUser(String company, String userId) {
        expectCreated(post("/api/manufacturers/" + company + "/users", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("id", userId, "firstName", userId, "lastName", "Test", "email", userId + "@maker.example",
                        "password", PASSWORD)));
    }

    /** Registers lab staff with {@link #PASSWORD} in a role: engineer, reviewer, lab-manager, process-admin. */
    public void registerStaff(String userId, String role) {
        expectCreated(post("/api/staff", "admin", WebAppTest.ADMIN_PASSWORD, Map.of("id", userId, "firstName", userId,
                "lastName", "Test", "email", userId + "@lab.example", "password", PASSWORD, "role", role)));
    }

    private static void expectCreated(Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException("Registration failed: " + reply.status() + " " + reply.text());
        }
    }

    /** The task ID of the open step with this BPMN ID, from GET /api/assessments/{id}. */
    public String openTask(long assessmentId, String step, String user) {
        JsonNode steps = get("/api/assessments/" + assessmentId, user).json().path("activeSteps");
        for (JsonNode active : steps) {
            if (active.path("step").asText().equals(step)) {
                return active.path("taskId").asText();
            }
        }
        throw new AssertionError("Assessment " + assessmentId + " is not waiting at " + step + " but at " + steps);
    }

    /** Completes the open step of an assessment through /api/tasks, expecting success. */
    public void complete(long assessmentId, String step, String user, Map<String, Object> formValues) {
        Reply reply = post("/api/tasks/" + openTask(assessmentId, step, user) + "/complete", user, formValues);
        if (reply.status() != 204) {
            throw new AssertionError("Completing " + step + " as " + user + " gave " + reply.status() + ": " + reply.text());
        }
    }

    /** Waits for the job executor (issue list, final report) to move the assessment on. */
    public JsonNode awaitAssessment(long assessmentId, String user, java.util.function.Predicate<JsonNode> condition) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (true) {
            JsonNode assessment = get("/api/assessments/" + assessmentId, user).json();
            if (condition.test(assessment)) {
                return assessment;
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("Assessment did not reach the expected state: " + assessment);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public List<String> activeSteps(long assessmentId, String user) {
        return get("/api/assessments/" + assessmentId, user).json().path("activeSteps").findValuesAsText("step");
    }

    private Reply send(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
