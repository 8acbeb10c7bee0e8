package cn.medexam.qualification.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local stand-in for the SMS provider's endpoint, one for the whole test run (test contexts are cached and may
 * outlive a test class). Each test resets it and stubs the answers it needs.
 */
public final class SmsProviderStub {

    public static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());
    /** The provider's answer to an accepted SendSms. */
    public static final String ACCEPTED = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"biz-1\"}";

    static {
        PROVIDER.start();
    }

    private SmsProviderStub() {}

    /** Points the Aliyun adapter at the stub; call from a test class's {@code @DynamicPropertySource}. */
    public static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("qr.sms.aliyun.endpoint", () -> PROVIDER.baseUrl() + "/");
    }
}
