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
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of the application's API at {@code /v3/api-docs} (springdoc, from the controllers), for
 * the registration system's integrators and the exam office's IT; administrators only ({@link SecurityConfig}). Every
 * refusal answers the one error body {@link ApiError} with a Chinese message: each operation names it as its
 * {@code default} response, beside the fixed status codes its controller declares. The login and logout, which
 * Spring Security serves rather than a controller, are described here.
 */
@Configuration
class ApiDescription {

    private static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

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

    /** The error body as every operation's {@code default} answer, and the login and logout of Spring Security. */
    @Bean
    OpenApiCustomizer errorBodyAndLogin() {
        return openApi -> {
            // here rather than in the bean above: springdoc drops the schemas no operation refers to before customizing
            ModelConverters.getInstance().read(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations()
                            .forEach(operation -> operation
                                    .getResponses()
                                    .addApiResponse("default", error("拒绝或出错：统一错误体，message 为中文"))));
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
                                            .addApiResponse("401", error("用户名或密码错误"))
                                            .addApiResponse("403", error("CROSS_SITE_LOGIN：来自其他网站的登录"))
                                            .addApiResponse("429", error("LOGIN_THROTTLED：尝试过多，见 Retry-After")))));
            openApi.path(
                    "/api/logout",
                    new PathItem()
                            .post(new Operation()
                                    .summary("退出登录，结束会话")
                                    .responses(new ApiResponses()
                                            .addApiResponse("204", new ApiResponse().description("已退出")))));
        };
    }

    private static ApiResponse error(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/json", new MediaType().schema(new Schema<ApiError>().$ref(ERROR_SCHEMA))));
    }
}
