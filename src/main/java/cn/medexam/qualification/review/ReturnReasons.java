package cn.medexam.qualification.review;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The common reasons for returning a material that the review form offers (the reviewer may also write their own),
 * under {@code qr.review.return-reasons}: a region office changes them in the configuration, not in the form.
 *
 * @param returnReasons the reasons in the order the form lists them, each a sentence to the candidate
 */
@ConfigurationProperties("qr.review")
public record ReturnReasons(List<String> returnReasons) {

    public ReturnReasons {
        returnReasons = returnReasons == null ? List.of() : List.copyOf(returnReasons);
    }
}
