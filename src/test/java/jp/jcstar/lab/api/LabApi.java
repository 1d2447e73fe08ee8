package jp.jcstar.lab.api;

import static jp.jcstar.lab.assessment.AssessmentElements.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.WebAppTest;

/** A plain HTTP client for the running app, speaking as one user with HTTP Basic, as a lab's script would. */
public class LabApi {

    public static final String PASSWORD = "test-user-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    /** The API token of each user that logged in with {@link #loginForToken}; used in place of its password. */
    private final Map<String, String> tokens;
    /** The TOTP secret each user enrolled, as its authenticator app would hold it. */
    private final Map<String, String> totpSecrets;
    /** The last TOTP step each user sent a code of: the server refuses that step and every earlier one again. */
    private final Map<String, Long> lastSteps;
    /** The password each user chose at its first login, in place of the one it was registered with. */
    private final Map<String, String> ownPasswords;

    public LabApi(int port) {
        this(port, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private LabApi(int port, Map<String, String> tokens, Map<String, String> totpSecrets, Map<String, Long> lastSteps,
                   Map<String, String> ownPasswords) {
        this.baseUrl = "http://localhost:" + port;
        this.tokens = tokens;
        this.totpSecrets = totpSecrets;
        this.lastSteps = lastSteps;
        this.ownPasswords = ownPasswords;
    }

    /** The same people (tokens, passwords, second factors) on another node of a cluster on one database. */
    public LabApi onNode(int port) {
        return new LabApi(port, tokens, totpSecrets, lastSteps, ownPasswords);
    }

    public record Reply(int status, byte[] body, String contentType, String location,
                        Map<String, List<String>> headers) {

        Reply(int status, byte[] body, String contentType) {
            this(status, body, contentType, "", Map.of());
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

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

    /** A raw body with the given Content-Type, as a hostile client may send it. */
    public Reply sendRaw(String method, String path, String user, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)), user, PASSWORD);
    }

    public Reply put(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(HttpRequest.BodyPublishers.noBody()),
                user, password);
    }

    /** Deploys files through /engine-rest as Camunda Modeler's Deploy button does (multipart/form-data). */
    public Reply deploy(String user, String password, String deploymentName, Map<String, byte[]> files) {
        Multipart body = new Multipart().field("deployment-name", deploymentName);
        files.forEach((name, content) -> body.file(name, name, "application/octet-stream", content));
        return send(body.post(baseUrl + "/engine-rest/deployment/create"), user, password);
    }

    /** Uploads a file as a client of POST /api/assessments/{id}/documents does. */
    public Reply upload(long assessmentId, String user, String itemId, String fileName, String contentType, byte[] content) {
        return send(new Multipart().field("itemId", itemId).file("file", fileName, contentType, content)
                .post(baseUrl + "/api/assessments/" + assessmentId + "/documents"), user, PASSWORD);
    }

    /** Sends a request built elsewhere (a multipart form, say) as the user with the default password. */
    public Reply send(HttpRequest.Builder request, String user) {
        return send(request, user, PASSWORD);
    }

    /** A multipart/form-data body, built as browsers and curl -F build it. */
    public static final class Multipart {
        private final String boundary = "----jcstar" + System.nanoTime();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        public Multipart field(String name, String value) {
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        /** @param contentType null sends the part without a Content-Type */
        public Multipart file(String name, String fileName, String contentType, byte[] content) {
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
            body.writeBytes(content);
            text("\r\n");
            return this;
        }

        /** The body trickles out a chunk at a time, as from a slow uplink: the request is in flight for a while. */
        public HttpRequest.Builder postSlowly(String url, int chunk, Duration pause) {
            byte[] whole = finish();
            return HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                        private int position;

                        @Override
                        public int read() {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                        }

                        @Override
                        public int read(byte[] buffer, int offset, int length) {
                            if (position >= whole.length) {
                                return -1;
                            }
                            try {
                                Thread.sleep(pause.toMillis());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return -1;
                            }
                            int n = Math.min(Math.min(length, chunk), whole.length - position);
                            System.arraycopy(whole, position, buffer, offset, n);
                            position += n;
                            return n;
                        }
                    }));
        }

        public HttpRequest.Builder post(String url) {
            return HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(finish()));
        }

        private byte[] finish() {
            text("--" + boundary + "--\r\n");
            return body.toByteArray();
        }

        private void text(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
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

    /**
     * Registers a manufacturer's user with {@link #PASSWORD} and logs it in once, as its owner does, to replace that
     * password with its own; {@link #passwordOf} knows it.
     */
    public void registerManufacturerUser(String company, String userId) {
        expectCreated(post("/api/manufacturers/" + company + "/users", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("id", userId, "firstName", userId, "lastName", "Test", "email", userId + "@maker.example",
                        "password", PASSWORD)));
        browser().submitPassword(userId, PASSWORD);
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

    /** The manufacturer uploads a small PDF for each of DOC-01..07 and completes "Supply documents". */
    public void supplyDocuments(long assessmentId, String manufacturer) {
        for (int i = 1; i <= 7; i++) {
            String item = "DOC-0" + i;
            Reply uploaded = upload(assessmentId, manufacturer, item, item + ".pdf", "application/pdf",
                    ("%PDF-1.4\n% " + item + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
            if (uploaded.status() != 201) {
                throw new AssertionError("Uploading " + item + " gave " + uploaded.status() + ": " + uploaded.text());
            }
        }
        complete(assessmentId, USER_TASK_SUPPLY_DOCUMENTS, manufacturer,
                Map.of("documentsSupplied", "DOC-01..07, version 1"));
    }

    /** The engineer records the samples as received (two units, revision C, the firmware applied for), today. */
    public void receiveSamples(long assessmentId, String engineer, String firmware) {
        complete(assessmentId, USER_TASK_RECEIVE_SAMPLES, engineer, Map.of(
                "samplesReceivedOn", new LabClock().now().toLocalDate().toString(),
                "sampleSerials", "SN-0001\nSN-0002", "sampleHardwareRevision", "Rev.C",
                "sampleFirmwareVersion", firmware));
    }

    /** Waits for the job executor (issue list, final report) to move the assessment on. */
    public JsonNode awaitAssessment(long assessmentId, String user, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode assessment = get("/api/assessments/" + assessmentId, user).json();
            if (condition.test(assessment)) {
                return assessment;
            }
            if (Instant.now().isAfter(deadline)) {
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
                    .encodeToString((user + ":" + credentialFor(user, password)).getBytes(StandardCharsets.UTF_8)));
        }
        return exchange(http, request);
    }

    /** Sends a request with a client and returns what came back, without following redirects or throwing on 4xx. */
    static Reply exchange(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A user's real password stands for its API token once it has one (staff cannot use passwords on the API), and
     * the registration password for the one the user chose at its first login.
     */
    private String credentialFor(String user, String password) {
        boolean realPassword = PASSWORD.equals(password) || WebAppTest.ADMIN_PASSWORD.equals(password);
        return realPassword && tokens.containsKey(user) ? tokens.get(user) : passwordOf(user, password);
    }

    /** The user's current password, where {@code password} is the one it was registered with. */
    public String passwordOf(String user, String password) {
        return PASSWORD.equals(password) ? ownPasswords.getOrDefault(user, password) : password;
    }

    public String passwordOf(String user) {
        return passwordOf(user, PASSWORD);
    }

    public String tokenOf(String user) {
        return tokens.get(user);
    }

    public String totpSecretOf(String user) {
        return totpSecrets.get(user);
    }

    /**
     * Logs in through the login page as a browser (or a script with curl) does, enrols the second factor if the
     * account needs one, and makes an API token that this client then uses for the user.
     */
    public String loginForToken(String user, String password) {
        BrowserSession browser = browser();
        browser.login(user, password);
        Reply created = browser.postJson("/api/account/tokens", Map.of("name", "tests of " + user));
        if (created.status() != 201) {
            throw new IllegalStateException("No token for " + user + ": " + created.status() + " " + created.text());
        }
        String token = created.json().path("token").asText();
        tokens.put(user, token);
        return token;
    }

    public BrowserSession browser() {
        return new BrowserSession();
    }

    /**
     * The first code of a user's authenticator app, for the enrolment that shows {@code secret}: from now on this
     * client holds the secret as the app would, and every code of the user comes from {@link #nextCode}.
     */
    public String firstCode(String user, String secret) {
        totpSecrets.put(user, secret);
        return nextCode(user);
    }

    /**
     * A code the server accepts when it checks it, also if a step boundary passes in between (see {@link #codeStep});
     * when both steps that qualify are used, this waits for the next step.
     */
    public String nextCode(String user) {
        OptionalLong step;
        while ((step = codeStep(stepAt(Instant.now()), lastSteps.getOrDefault(user, Long.MIN_VALUE))).isEmpty()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        lastSteps.put(user, step.getAsLong());
        return totpAt(totpSecrets.get(user), step.getAsLong());
    }

    /**
     * The step whose code to send, taken in step {@code now}, when the server last accepted step {@code lastUsed}.
     * SecondFactorService accepts a step from one before to one after its current step, and only a step after the
     * last it accepted. The server may check in the next step already (the code was typed right before a boundary),
     * so only {@code now} and {@code now + 1} are sure to be accepted; {@code now - 1} would be too old by then.
     * Empty when both are used: the client waits for the next step.
     */
    static OptionalLong codeStep(long now, long lastUsed) {
        long step = Math.max(now, lastUsed + 1);
        return step <= now + 1 ? OptionalLong.of(step) : OptionalLong.empty();
    }

    /** The 30-second TOTP step an instant falls in. */
    static long stepAt(Instant instant) {
        return instant.getEpochSecond() / 30;
    }

    public static String totpAt(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A six-digit code that is wrong for the secret in every step the server accepts now or after the next boundary. */
    public static String wrongCode(String secret) {
        long now = stepAt(Instant.now());
        Set<String> right = LongStream.rangeClosed(now - 1, now + 2)
                .mapToObj(step -> totpAt(secret, step)).collect(Collectors.toSet());
        return Stream.of("000000", "111111", "222222", "333333", "444444")
                .filter(code -> !right.contains(code)).findFirst().orElseThrow();
    }

    /** The hidden CSRF field of a page's form, as a browser sends it back. */
    private static final Pattern CSRF_FIELD =
            Pattern.compile("name=[\"']_csrf[\"'] value=[\"']([^\"']+)[\"']");

    /** A browser: cookies, CSRF tokens and redirects by hand, so that each step can be checked. */
    public final class BrowserSession {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String lastPage = "";

        /** Password, then the second factor: enrolment on the first login, a fresh code afterwards. */
        public Reply login(String user, String password) {
            Reply afterPassword = submitPassword(user, password);
            String location = afterPassword.location();
            if (location.endsWith("/login/mfa/enrol")) {
                String secret = between(getPage("/login/mfa/enrol").text(), "<code id=secret>", "</code>");
                Reply enrolled = form("/login/mfa/enrol", Map.of("code", firstCode(user, secret)));
                if (enrolled.status() != 200) {
                    throw new IllegalStateException("Enrolment failed: " + enrolled.status() + " " + enrolled.location());
                }
                return enrolled;
            }
            if (location.endsWith("/login/mfa")) {
                getPage("/login/mfa");
                return form("/login/mfa", Map.of("code", nextCode(user)));
            }
            return afterPassword;
        }

        /** The password step; a password someone else chose is replaced with the user's own on the way. */
        public Reply submitPassword(String user, String password) {
            Reply reply = submitPasswordOnly(user, passwordOf(user, password));
            if (reply.location().endsWith("/login/password")) {
                String own = "own-" + user + "-passphrase-2026";
                getPage("/login/password");
                reply = form("/login/password", Map.of("newPassword", own));
                ownPasswords.put(user, own);
            }
            return reply;
        }

        public Reply submitPasswordOnly(String user, String password) {
            getPage("/login");
            return form("/login", Map.of("username", user, "password", password));
        }

        public Reply getPage(String path) {
            Reply page = exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
            lastPage = page.text();
            return page;
        }

        /** A page as a browser asks for it (Accept: text/html). */
        public Reply getHtml(String path) {
            Reply page = exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
            lastPage = page.text();
            return page;
        }

        /** Posts a form with the CSRF token of the page last fetched. */
        public Reply form(String path, Map<String, String> fields) {
            return form(path, List.copyOf(fields.entrySet()));
        }

        /** Posts a form whose fields may repeat (ticked checkboxes of one name). */
        public Reply form(String path, List<Map.Entry<String, String>> fields) {
            StringBuilder body = new StringBuilder();
            List<Map.Entry<String, String>> all = new ArrayList<>(fields);
            Matcher csrf = CSRF_FIELD.matcher(lastPage);
            if (csrf.find()) {
                all.add(Map.entry("_csrf", csrf.group(1)));
            }
            all.forEach(field -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)));
            Reply reply = exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            lastPage = reply.text();
            return reply;
        }

        /** Sends a multipart form (an upload) with the session, to a URL that carries the CSRF token or not. */
        public Reply postMultipart(String pathAndQuery, Multipart form) {
            return exchange(form.post(baseUrl + pathAndQuery));
        }

        /** A JSON request with the session and, unless told otherwise, the CSRF header. */
        public Reply postJson(String path, Object body) {
            return sendJson("POST", path, body, true);
        }

        public Reply sendJson(String method, String path, Object body, boolean withCsrf) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json(body)));
            if (withCsrf) {
                request.header("X-JCSTAR-CSRF", cookie("JCSTAR-CSRF"));
            }
            return exchange(request);
        }

        /** A JSON request to Tasklist's own engine API, with the CSRF token Camunda's webapps hand out. */
        public Reply sendToWebappApi(String method, String path, Object body) {
            if (cookie("XSRF-TOKEN").isEmpty()) {
                getPage("/camunda/app/tasklist/default/");
            }
            return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                    .header("X-JCSTAR-CSRF", cookie("JCSTAR-CSRF"))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json(body))));
        }

        public String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        public CookieStore cookieStore() {
            return cookies.getCookieStore();
        }

        private Reply exchange(HttpRequest.Builder request) {
            return LabApi.exchange(browser, request);
        }
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            throw new IllegalStateException("'" + start + "' not in: " + text);
        }
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
