package cn.medexam.qualification.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Aliyun SMS adapter ({@code qr.sms.aliyun.*}); keys and secret come from the environment, never
 * from the repository.
 *
 * @param templateCodes message kind (SUBMITTED, RETURNED, ACTIVATION_CODE, …) to the provider's approved
 *                      template code; the template's parameters are the names used in table message_template
 */
@ConfigurationProperties("qr.sms.aliyun")
public record AliyunSmsProperties(
        URI endpoint,
        String accessKeyId,
        String accessKeySecret,
        String signName,
        String regionId,
        Map<String, String> templateCodes,
        Duration connectTimeout,
        Duration readTimeout) {

    public AliyunSmsProperties {
        endpoint = endpoint != null ? endpoint : URI.create("https://dysmsapi.aliyuncs.com/");
        regionId = regionId != null ? regionId : "cn-hangzhou";
        templateCodes = templateCodes != null ? Map.copyOf(templateCodes) : Map.of();
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(3);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(5);
    }
}
