package cn.medexam.qualification.system;

import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.regex.Pattern;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's %wEx with personal data kept out of exception messages and causes: phone and ID numbers masked,
 * and the values a database driver quotes from a failed statement (PostgreSQL's "Batch entry 0 insert into … values
 * (…) was aborted", "Key (…)=(…) already exists") left out, as they hold names and other registration facts.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    private static final Pattern STATEMENT_VALUES = Pattern.compile("(?i)(\\bvalues\\s*).*?( was aborted)");
    private static final Pattern KEY_VALUES = Pattern.compile("(Key \\([^)]*\\)=\\().*?(\\) already exists)");

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return withoutPersonalData(super.throwableProxyToString(proxy));
    }

    static String withoutPersonalData(String trace) {
        String withoutValues = STATEMENT_VALUES.matcher(trace).replaceAll("$1(…)$2");
        return Masking.inText(KEY_VALUES.matcher(withoutValues).replaceAll("$1…$2"));
    }
}
