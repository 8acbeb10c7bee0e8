package cn.medexam.qualification.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;

/**
 * Who may call what. The application's API ({@code /api/**}) authenticates with HTTP Basic against Camunda's
 * identity service and authorises by Camunda group; the engine's REST API is for administrators only; the webapps
 * (Tasklist, Cockpit, Admin) share the application's login and keep Camunda's authorisations. Whatever the door,
 * no person writes a case through the engine ({@link EngineWriteGuard}).
 */
@Configuration
public class SecurityConfig {

    private static final String ADMIN = ReviewGroups.authority(ReviewGroups.ADMINS);
    private static final String REGISTRAR = ReviewGroups.authority(ReviewGroups.REGISTRARS);

    /** The photo check changes nothing and reads no session: nothing for a forged request to do. */
    private static final String CSRF_EXEMPT = "/api/photo-check";

    /**
     * The application's own pages (login, candidate service, demo SMS) and API answers: scripts and styles only from
     * files of this origin, no inline script, no plugins, framed and posted only by this origin. data: for the pages'
     * empty favicon; blob: for images a page may draw itself.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'self'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(onlyThe(identity))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/registrations/**", "/api/cases/*", "/api/cases/*/checklist", "/api/checklist/**")
                        .hasAnyAuthority(REGISTRAR, ADMIN)
                        // the office's view: staff by their groups, decided per region and site by office.OfficeAccess
                        .requestMatchers(
                                "/api/admin/progress",
                                "/api/admin/progress/daily",
                                "/api/admin/workload",
                                "/api/admin/cases.csv",
                                "/api/admin/serial-numbers.csv",
                                "/api/admin/returned.csv")
                        .authenticated()
                        .requestMatchers("/api/admin/**")
                        .hasAuthority(ADMIN)
                        .requestMatchers("/api/candidate/activation", "/api/candidate/activation/code")
                        .permitAll()
                        // 医考报名照片检测: before registering, without an account; stores nothing (documents)
                        .requestMatchers(HttpMethod.POST, "/api/photo-check")
                        .permitAll()
                        .requestMatchers("/api/me/**")
                        .hasAuthority(ReviewGroups.authority(ReviewGroups.CANDIDATES))
                        .anyRequest()
                        .authenticated())
                // browsers log in once (form POST username/password) and keep a session; systems use Basic
                .formLogin(login -> login.loginProcessingUrl("/api/login")
                        .successHandler(
                                (request, response, auth) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT))
                        .failureHandler((request, response, e) -> {
                            if (!refusedAsThrottled(response, json, e)) {
                                write(
                                        response,
                                        json,
                                        HttpServletResponse.SC_UNAUTHORIZED,
                                        new ApiError("LOGIN_FAILED", "用户名或密码错误"));
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/api/logout")
                        .logoutSuccessHandler(
                                (request, response, auth) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT)))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(
                        new SameOriginLogin(
                                "/api/login",
                                (request, response) -> write(
                                        response,
                                        json,
                                        HttpServletResponse.SC_FORBIDDEN,
                                        new ApiError("CROSS_SITE_LOGIN", "登录请求来自其他网站，已拒绝；请直接打开本系统的登录页登录"))),
                        UsernamePasswordAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (!refusedAsThrottled(response, json, e)) {
                        write(
                                response,
                                json,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                new ApiError("UNAUTHENTICATED", "请先登录"));
                    }
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> write(
                        response, json, HttpServletResponse.SC_FORBIDDEN, new ApiError("FORBIDDEN", "您没有权限执行此操作"))))
                // a browser session (the only thing a forged cross-site request can ride on) must send the
                // QR-XSRF-TOKEN cookie back as header X-QR-XSRF-TOKEN; callers with their own credentials need not
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(request -> !isSafe(request.getMethod())
                                && request.getHeader("Authorization") == null
                                && request.getSession(false) != null)
                        .ignoringRequestMatchers(CSRF_EXEMPT))
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * The webapps (Tasklist, Cockpit, Admin) share the application's login: a person signs in once on /login.html,
     * and the same session serves the webapps (see {@link #webappsUseTheApplicationLogin()}) and the application's
     * API, so a task form can call /api/... Camunda's webapp
     * filter guards /camunda/api against cross-site requests, so Spring's CSRF check stays off here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
            throws Exception {
        http.authenticationManager(onlyThe(identity))
                .authorizeHttpRequests(requests -> requests
                        // Camunda's page that lets whoever comes first create an administrator stays closed: the
                        // first administrator comes from the environment (FirstAdministrator)
                        .requestMatchers("/camunda/app/admin/*/setup/**", "/camunda/api/admin/setup/**")
                        .denyAll()
                        // Camunda's own login would be a second password check beside the application's login
                        .requestMatchers("/camunda/api/admin/auth/user/*/login/**")
                        .denyAll()
                        // counts of every case (all sites, all states) and Cockpit's and Admin's own APIs, which
                        // Camunda does not restrict to the users of those apps, are for the exam office only
                        .requestMatchers(
                                RegexRequestMatcher.regexMatcher("/camunda/api/engine/.*/statistics.*"),
                                RegexRequestMatcher.regexMatcher("/camunda/api/cockpit/.*"),
                                RegexRequestMatcher.regexMatcher("/camunda/api/admin/(?!auth/).*"))
                        .hasAuthority(ADMIN)
                        .requestMatchers("/camunda/app/**", "/camunda/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(login -> login.loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/camunda/app/tasklist/default/")
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LoginThrottledException throttled
                                        ? "/login.html?locked=" + throttled.retryAfterSeconds()
                                        : "/login.html?error"))))
                // Tasklist's and Cockpit's logout buttons end the application session too
                .logout(logout -> logout.logoutRequestMatcher(request -> "POST".equals(request.getMethod())
                                && request.getRequestURI().matches(".*/camunda/api/admin/auth/user/[^/]+/logout"))
                        .logoutSuccessHandler(
                                (request, response, auth) -> response.setStatus(HttpServletResponse.SC_OK)))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        (request, response, e) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED),
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")))
                .addFilterBefore(
                        new SameOriginLogin(
                                "/login",
                                (request, response) ->
                                        response.sendRedirect(request.getContextPath() + "/login.html?error")),
                        UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                // the application's pages get its strict policy; the webapps send Camunda's own (with a nonce for
                // their inline script and room for the task forms' cam-script), and two policies would intersect
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !isCamunda(request.getRequestURI()
                                        .substring(request.getContextPath().length())),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))));
        return http.build();
    }

    /** Camunda's webapps take the user Spring Security signed in (request.getUserPrincipal()) and their groups. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsUseTheApplicationLogin() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapps-container-authentication");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filter chain (order -100), which puts the user on the request
        registration.setOrder(101);
        return registration;
    }

    /**
     * The engine's REST API is for administrators' tools (Camunda Modeler's deploy, scripts): HTTP Basic on every
     * request through the same password check as every login, never a browser session (so no cross-site request
     * rides on one), and nothing for anybody else, not even {@code GET /engine-rest/engine}. What an administrator
     * may do there is bounded by {@link EngineWriteGuard} like everywhere else.
     */
    @Bean
    @Order(0)
    SecurityFilterChain engineRestSecurity(
            HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ObjectMapper json) throws Exception {
        // the engine REST API is Jersey's servlet, not Spring MVC's: match the path itself
        return basicOnEveryRequest(
                http,
                identity,
                json,
                "/engine-rest/**",
                "engine-rest",
                "引擎接口仅供考区管理员使用",
                requests -> requests.anyRequest().hasAuthority(ADMIN));
    }

    /**
     * The OpenAPI description of the application's API ({@code /v3/api-docs}, its {@code .yaml} twin) for
     * administrators only, HTTP Basic on every request like the engine's REST API: it names every call, and who may
     * make which is the exam office's business.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsSecurity(
            HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ObjectMapper json) throws Exception {
        return basicOnEveryRequest(
                http,
                identity,
                json,
                "/v3/api-docs*/**",
                "api-docs",
                "接口说明仅供考区管理员使用",
                requests -> requests.anyRequest().hasAuthority(ADMIN));
    }

    /**
     * Spring Boot Actuator ({@code /actuator/health}, its liveness and readiness groups, {@code /actuator/prometheus})
     * for the office's IT only: administrators and the group {@code monitoring} (a scraper's account), HTTP Basic
     * on every request, no session. Anybody else learns nothing, not even that the application is up.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(
            HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ObjectMapper json) throws Exception {
        return basicOnEveryRequest(
                http,
                identity,
                json,
                "/actuator/**",
                "actuator",
                "监控接口仅供系统管理人员使用",
                requests ->
                        requests.anyRequest().hasAnyAuthority(ADMIN, ReviewGroups.authority(ReviewGroups.MONITORING)));
    }

    /**
     * A chain for systems rather than browsers: HTTP Basic on every request, no session, no cookie honoured (so no
     * CSRF to guard against), and Chinese JSON for 401 (unless the login throttle answered) and 403.
     */
    private SecurityFilterChain basicOnEveryRequest(
            HttpSecurity http,
            CamundaIdentityAuthenticationProvider identity,
            ObjectMapper json,
            String paths,
            String realm,
            String forbidden,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> access)
            throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(paths))
                .authenticationManager(onlyThe(identity))
                .authorizeHttpRequests(access)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (!refusedAsThrottled(response, json, e)) {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
                        write(
                                response,
                                json,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                new ApiError("UNAUTHENTICATED", "请先登录"));
                    }
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpServletResponse.SC_FORBIDDEN, new ApiError("FORBIDDEN", forbidden))))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The engine's REST API takes the user Spring Security authenticated above, with their groups. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Passwords set through the engine's doors follow the same rules as at activation. */
    @Bean
    FilterRegistrationBean<PasswordRulesFilter> passwordRulesAtTheEngine(ObjectMapper json) {
        FilterRegistrationBean<PasswordRulesFilter> registration =
                new FilterRegistrationBean<>(new PasswordRulesFilter(json));
        registration.setName("password-rules-at-the-engine");
        registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
        // after Spring Security: only authenticated callers get this far
        registration.setOrder(100);
        return registration;
    }

    /**
     * The application's CSRF cookie and header carry their own names: Camunda's webapps already use XSRF-TOKEN for
     * /camunda, and a form page sees both cookies.
     */
    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName("QR-XSRF-TOKEN");
        tokens.setHeaderName("X-QR-XSRF-TOKEN");
        tokens.setCookieCustomizer(cookie -> cookie.path("/"));
        return tokens;
    }

    /** Camunda's webapps and engine REST API, which send their own headers. */
    private static boolean isCamunda(String path) {
        return path.equals("/camunda")
                || path.startsWith("/camunda/")
                || path.equals("/engine-rest")
                || path.startsWith("/engine-rest/");
    }

    /** Whether a write to this path of the API, riding on a browser session, must carry the CSRF header. */
    static boolean csrfChecked(String method, String path) {
        return path.startsWith("/api/") && !isSafe(method) && !CSRF_EXEMPT.equals(path);
    }

    private static boolean isSafe(String method) {
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method);
    }

    /**
     * The provider alone, without Spring's global manager as parent: that holds the same provider, and a
     * ProviderManager asks its parent again after a wrong password, which would count every failure twice.
     */
    private static ProviderManager onlyThe(CamundaIdentityAuthenticationProvider identity) {
        return new ProviderManager(identity);
    }

    /** 429 with Retry-After when the login was throttled (system.LoginThrottle). */
    private static boolean refusedAsThrottled(HttpServletResponse response, ObjectMapper json, Exception e)
            throws IOException {
        if (!(e instanceof LoginThrottledException throttled)) {
            return false;
        }
        response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
        write(response, json, 429, new ApiError("LOGIN_THROTTLED", throttled.getMessage()));
        return true;
    }

    private static void write(HttpServletResponse response, ObjectMapper json, int status, ApiError error)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), error);
    }
}
