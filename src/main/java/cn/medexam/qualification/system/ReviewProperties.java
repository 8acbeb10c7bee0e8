package cn.medexam.qualification.system;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Application settings under {@code qr.*}.
 *
 * @param timeZone             zone of all campaign calendar days (Beijing time)
 * @param processDefinitionKey key of the main process, the one BPMN that carries a case
 */
@ConfigurationProperties("qr")
public record ReviewProperties(ZoneId timeZone, String processDefinitionKey) {}
