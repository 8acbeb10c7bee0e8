package cn.medexam.qualification.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what. The application's API ({@code /api/**}) authenticates with HTTP Basic against Camunda's
 * identity service and authorises by Camunda group; the engine's REST API gets Camunda's own Basic filter; the
 * webapps (Tasklist, Cockpit, Admin) keep their own login and authorisations.
 */
@Configuration
public class SecurityConfig {

    private static final String ADMIN = ReviewGroups.authority(ReviewGroups.ADMINS);
    private static final String REGISTRAR = ReviewGroups.authority(ReviewGroups.REGISTRARS);

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ObjectMapper json)
            throws Exception {
        http.securityMatcher("/api/**")
                .authenticationProvider(identity)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/registrations/**", "/api/cases/*", "/api/cases/*/checklist", "/api/checklist/**")
                        .hasAnyAuthority(REGISTRAR, ADMIN)
                        .requestMatchers("/api/admin/**").hasAuthority(ADMIN)
                        .requestMatchers("/api/candidate/activation", "/api/candidate/activation/code").permitAll()
                        .requestMatchers("/api/me/**").hasAuthority(ReviewGroups.authority(ReviewGroups.CANDIDATES))
                        .anyRequest().authenticated())
                // browsers log in once (form POST username/password) and keep a session; systems use Basic
                .formLogin(login -> login.loginProcessingUrl("/api/login")
                        .successHandler((request, response, auth) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT))
                        .failureHandler((request, response, e) -> write(response, json,
                                HttpServletResponse.SC_UNAUTHORIZED, new ApiError("LOGIN_FAILED", "用户名或密码错误"))))
                .logout(logout -> logout.logoutUrl("/api/logout")
                        .logoutSuccessHandler((request, response, auth) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT)))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        write(response, json, HttpServletResponse.SC_UNAUTHORIZED,
                                new ApiError("UNAUTHENTICATED", "请先登录"))))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpServletResponse.SC_FORBIDDEN,
                                new ApiError("FORBIDDEN", "您没有权限执行此操作"))))
                // a browser session (the only thing a forged cross-site request can ride on) must send the
                // XSRF-TOKEN cookie back as X-XSRF-TOKEN; callers that bring their own credentials need not
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(request -> !isSafe(request.getMethod())
                                && request.getHeader("Authorization") == null
                                && request.getSession(false) != null));
        return http.build();
    }

    /** Webapps and engine REST bring their own authentication (see {@link #engineRestAuthentication()}). */
    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-basic-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static boolean isSafe(String method) {
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method);
    }

    private static void write(HttpServletResponse response, ObjectMapper json, int status, ApiError error)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), error);
    }
}
