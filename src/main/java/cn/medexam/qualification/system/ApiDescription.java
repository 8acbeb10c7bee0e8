package cn.medexam.qualification.system;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;

/**
 * The OpenAPI 3 description of the application's API at {@code /v3/api-docs} (springdoc, from the controllers), for
 * the registration system's integrators and the exam office's IT; administrators only ({@link SecurityConfig}). Every
 * refusal answers the one error body {@link ApiError} with a Chinese message, and every operation names the status
 * codes it really answers: those its handler declares ({@code @ApiResponse}: its own refusals, e.g. 404, 409, 422),
 * those that follow from its parameters (400, 415, 422 of Spring MVC and {@link ApiExceptionHandler}), and those of
 * Spring Security for its path (401, 403, 429, as {@link SecurityConfig} decides them); anything else, e.g. 500, is
 * the error body as {@code default}. The login and logout, which Spring Security serves rather than a controller,
 * are described here.
 */
@Configuration
class ApiDescription {

    private static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

    private static final String CSRF_REFUSAL = "FORBIDDEN：浏览器会话的写操作缺少请求头 X-QR-XSRF-TOKEN（= Cookie QR-XSRF-TOKEN）";

    /** Who Spring Security sees without a login, and with a login but in no group, to ask which calls it refuses. */
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "api-description", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private static final Authentication WITHOUT_GROUPS =
            UsernamePasswordAuthenticationToken.authenticated("api-description", null, List.of());

    @Bean
    OpenAPI qualificationReviewApi() {
        Components components = new Components()
                .addSecuritySchemes(
                        "basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                        "session",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name("JSESSIONID")
                                .description("浏览器会话（POST /api/login）；写操作须带请求头 X-QR-XSRF-TOKEN = Cookie QR-XSRF-TOKEN"));
        return new OpenAPI()
                .info(new Info()
                        .title("医师资格考试报名资格线上审核 API")
                        .version("1")
                        .description("全部为 JSON。出错时统一返回 {\"code\", \"message\", \"errors\": [{\"field\", \"message\"}]}，"
                                + "message 为中文；提交审核缺少材料时另有 missing，退回材料未更换时另有 notReplaced。"))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }

    /**
     * What Spring MVC and {@link ApiExceptionHandler} answer around the handler, from its parameters: a JSON body that
     * cannot be read or fails its checks (400), of another content type (415); a multipart file missing or malformed
     * (400), far too large (422 {@code TOO_LARGE}); a parameter missing or of the wrong type (400). An error code the
     * handler declares itself answers the error body, unless it names its own content.
     */
    @Bean
    OperationCustomizer refusalsAroundTheHandler() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            for (io.swagger.v3.oas.annotations.responses.ApiResponse declared : handler.getMethod()
                    .getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
                if (isError(declared.responseCode()) && declared.content().length == 0) {
                    responses.get(declared.responseCode()).content(errorBody());
                }
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                    refusal(responses, "400", "MALFORMED_JSON：请求体不是有效的 JSON，或某字段格式不正确（errors 指明字段）");
                    if (parameter.hasParameterAnnotation(Valid.class)
                            || parameter.hasParameterAnnotation(Validated.class)) {
                        refusal(responses, "400", "INVALID_INPUT：errors 逐项列出有误的字段");
                    }
                    refusal(responses, "415", "UNSUPPORTED_MEDIA_TYPE：请求内容类型须为 application/json");
                }
                if (parameter.hasParameterAnnotation(RequestPart.class)) {
                    refusal(responses, "400", "NO_FILE：缺少表单字段 file；BAD_MULTIPART：上传内容不完整或格式错误");
                    refusal(responses, "415", "UNSUPPORTED_MEDIA_TYPE：请求内容类型须为 multipart/form-data");
                    refusal(responses, "422", "TOO_LARGE：文件远超大小限制，未读完即拒绝");
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                boolean required =
                        param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
                boolean typed = (param != null || parameter.hasParameterAnnotation(PathVariable.class))
                        && !String.class.equals(parameter.getParameterType());
                if (required || typed) {
                    refusal(responses, "400", "BAD_PARAMETER：缺少参数或参数取值无效");
                }
            }
            return operation;
        };
    }

    /**
     * The error body as every operation's {@code default} answer (500 {@code INTERNAL_ERROR} and the like), the
     * refusals of Spring Security as {@link SecurityConfig} decides them for each call — 401 and 429 for a call that
     * needs a login, 403 for one that needs a group, 403 for a write that rides on a browser session without the CSRF
     * header — and the login and logout, which Spring Security serves rather than a controller.
     */
    @Bean
    OpenApiCustomizer errorBodyAccessAndLogin(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        return openApi -> {
            // here rather than in the bean above: springdoc drops the schemas no operation refers to before customizing
            ModelConverters.getInstance().read(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            WebInvocationPrivilegeEvaluator evaluator = privileges.getObject();
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        String uri = path.replaceAll("\\{[^}]*}", "x");
                        ApiResponses responses = operation.getResponses();
                        if (!evaluator.isAllowed("", uri, method.name(), ANONYMOUS)) {
                            refusal(responses, "401", "UNAUTHENTICATED：未登录（HTTP Basic 或会话）");
                            refusal(responses, "429", "LOGIN_THROTTLED：登录失败过多（含 HTTP Basic），见 Retry-After");
                            if (!evaluator.isAllowed("", uri, method.name(), WITHOUT_GROUPS)) {
                                refusal(responses, "403", "FORBIDDEN：调用者不属于可调用此接口的用户组");
                            }
                        }
                        if (SecurityConfig.csrfChecked(method.name(), path)) {
                            refusal(responses, "403", CSRF_REFUSAL);
                        }
                        responses.addApiResponse("default", error("其他错误（如 500 INTERNAL_ERROR）：统一错误体，message 为中文"));
                    }));
            Schema<Object> form = new Schema<>()
                    .type("object")
                    .addProperty("username", new StringSchema())
                    .addProperty("password", new StringSchema());
            openApi.path(
                    "/api/login",
                    new PathItem()
                            .post(new Operation()
                                    .summary("登录（表单 username、password），建立会话")
                                    .requestBody(new RequestBody()
                                            .content(new Content()
                                                    .addMediaType(
                                                            "application/x-www-form-urlencoded",
                                                            new MediaType().schema(form))))
                                    .responses(new ApiResponses()
                                            .addApiResponse("204", new ApiResponse().description("已登录"))
                                            .addApiResponse("401", error("LOGIN_FAILED：用户名或密码错误"))
                                            .addApiResponse("403", error("CROSS_SITE_LOGIN：来自其他网站的登录；" + CSRF_REFUSAL))
                                            .addApiResponse("429", error("LOGIN_THROTTLED：尝试过多，见 Retry-After"))
                                            .addApiResponse("default", error("其他错误：统一错误体，message 为中文")))));
            openApi.path(
                    "/api/logout",
                    new PathItem()
                            .post(new Operation()
                                    .summary("退出登录，结束会话")
                                    .responses(new ApiResponses()
                                            .addApiResponse("204", new ApiResponse().description("已退出"))
                                            .addApiResponse("403", error(CSRF_REFUSAL))
                                            .addApiResponse("default", error("其他错误：统一错误体，message 为中文")))));
        };
    }

    /** Adds the refusal under its code, or its description to the one already there; its body is the error body. */
    private static void refusal(ApiResponses responses, String code, String description) {
        ApiResponse existing = responses.get(code);
        if (existing == null) {
            responses.addApiResponse(code, error(description));
        } else if (existing.getDescription() == null
                || !existing.getDescription().contains(description)) {
            existing.description(
                    existing.getDescription() == null
                                    || existing.getDescription().isBlank()
                            ? description
                            : existing.getDescription() + "；" + description);
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(errorBody());
    }

    private static Content errorBody() {
        return new Content()
                .addMediaType("application/json", new MediaType().schema(new Schema<ApiError>().$ref(ERROR_SCHEMA)));
    }
}
