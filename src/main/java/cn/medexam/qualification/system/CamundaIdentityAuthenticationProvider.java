package cn.medexam.qualification.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Authenticates API callers against Camunda's identity service, so that the users and groups an administrator
 * manages in Camunda Admin are the only ones there are. Each group becomes a {@code GROUP_<id>} authority. Every
 * password check of the application (HTTP Basic, /api/login, the login page) comes here and goes through the
 * {@link LoginThrottle}, keyed by the client address Spring puts in the authentication's details.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null
                || credentials == null
                || !throttle.attempt(
                        userId,
                        clientAddress(authentication),
                        () -> identityService.checkPassword(userId, credentials.toString()))) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        List<SimpleGrantedAuthority> authorities =
                identityService.createGroupQuery().groupMember(userId).list().stream()
                        .map(group -> new SimpleGrantedAuthority(ReviewGroups.authority(group.getId())))
                        .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /** request.getRemoteAddr(): behind a reverse proxy only with server.forward-headers-strategy set. */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
