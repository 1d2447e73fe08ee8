package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.MANUFACTURER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The app killed (kill -9) after it committed its mails and while it was sending one: the mail server had accepted
 * the connection and not yet answered. After a restart, with the mail server back, each mail goes out exactly once:
 * the one left SENDING when its claim runs out, the one still QUEUED at once. Two JVM starts: {@code .ci/run} runs it
 * on PostgreSQL with JCSTAR_MAIL_FAULT_DB_URL set, after NodeFailureTest (on a database of its own).
 */
@EnabledIfEnvironmentVariable(named = "JCSTAR_MAIL_FAULT_DB_URL", matches = ".+")
class MailAfterKillTest {

    static final String DB_URL = System.getenv("JCSTAR_MAIL_FAULT_DB_URL");
    static final String DB_USER = System.getenv().getOrDefault("JCSTAR_FAULT_DB_USER", "postgres");

    @Test
    void mailsCommittedBeforeTheKillGoOutOnceAfterTheRestart() throws Exception {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        Map<String, String> smtp = Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", String.valueOf(smtpPort),
                // The restarted node takes over a claim of a dead node after 3 s (a lab: 5 minutes).
                "JCSTAR_MAIL_CLAIM_TIMEOUT", "PT3S", "JCSTAR_MAIL_POLL_INTERVAL", "PT1S");
        AppNode node = new AppNode("mail-node", DB_URL, DB_USER, smtp);
        GreenMail mailServer = null;
        try (SilentServer silent = new SilentServer(smtpPort)) {
            node.start();
            LabApi api = LabUsers.on(node.port);
            LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "停電ゲートウェイ G1",
                    "modelNumbers", "G-1", "firmwareVersion", "1.0", "starLevel", "STAR-1", "scope", List.of("DEVICE")));
            assertThat(applied.status()).as(applied.text()).isEqualTo(201);
            String reference = applied.json().path("reference").asText();

            // Two mails to the manufacturer's user: the receipt and the document request. The first is being sent
            // (the mail server holds the connection without a word), the second waits behind it.
            AppNode.await(Duration.ofSeconds(30), () -> node.count("select count(*) from mail_outbox where state = 'SENDING'") == 1);
            assertThat(node.strings("select state from mail_outbox where recipient_user = '" + MANUFACTURER + "' order by id"))
                    .containsExactly("SENDING", "QUEUED");
            node.kill();
            silent.close();

            mailServer = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mailServer.start();
            node.start();
            AppNode.await(Duration.ofSeconds(60), () -> node.count(
                    "select count(*) from mail_outbox where state = 'SENT' and recipient_user = '" + MANUFACTURER + "'") == 2);
            Thread.sleep(3_000); // passes of the sender after both were sent: nothing goes out again
            List<String> subjects = new ArrayList<>();
            for (MimeMessage mail : mailServer.getReceivedMessages()) {
                if (Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equals(MANUFACTURER + "@maker.example"))) {
                    subjects.add(subject(mail));
                }
            }
            assertThat(subjects).containsExactlyInAnyOrder(
                    "[JC-STAR] 申請を受け付けました: " + reference + " 停電ゲートウェイ G1 / Application received: " + reference
                            + " 停電ゲートウェイ G1",
                    "[JC-STAR] 文書の提出をお願いします: " + reference + " 停電ゲートウェイ G1 / Documents requested: " + reference
                            + " 停電ゲートウェイ G1");
            assertThat(node.count("select max(attempts) from mail_outbox where recipient_user = '" + MANUFACTURER + "'"))
                    .as("the receipt: tried before the kill and once after").isEqualTo(2);
        } finally {
            node.stop();
            if (mailServer != null) {
                mailServer.stop();
            }
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail server that accepts connections and never says a word, as one that hangs. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new ArrayList<>();

        SilentServer(int port) throws IOException {
            socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket connection = socket.accept();
                        synchronized (held) {
                            held.add(connection);
                        }
                    }
                } catch (IOException closed) {
                    // closed by the test
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket connection : held) {
                    connection.close();
                }
            }
        }
    }
}
