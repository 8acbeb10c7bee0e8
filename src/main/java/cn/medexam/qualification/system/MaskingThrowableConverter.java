package cn.medexam.qualification.system;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Spring Boot's %wEx with phone and ID numbers masked in exception messages and causes. */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Masking.inText(super.throwableProxyToString(proxy));
    }
}
