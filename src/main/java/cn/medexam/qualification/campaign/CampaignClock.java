package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.ReviewProperties;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Turns campaign calendar days into instants in the configured zone. */
@Component
class CampaignClock {

    private final ReviewProperties properties;

    CampaignClock(ReviewProperties properties) {
        this.properties = properties;
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(properties.timeZone()).toInstant();
    }

    Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    LocalDate dayOf(Instant instant) {
        return instant.atZone(properties.timeZone()).toLocalDate();
    }
}
