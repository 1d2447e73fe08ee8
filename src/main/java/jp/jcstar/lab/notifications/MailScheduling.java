package jp.jcstar.lab.notifications;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler runs the outbox's sender, the daily digest and the reminders before due dates (Spring Boot's
 * one-thread {@code TaskScheduler}: the three never run at once on a node).
 */
@Configuration
@EnableScheduling
class MailScheduling {
}
