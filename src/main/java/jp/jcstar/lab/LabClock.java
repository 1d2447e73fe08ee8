package jp.jcstar.lab;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The app's time, taken from the engine's clock so that due dates, timers and recorded timestamps agree (and a
 * process test that moves the engine's clock moves them all).
 */
@Component
public class LabClock {

    /** Japan Standard Time: the time zone labs, manufacturers and IPA read dates in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    public OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
    }
}
