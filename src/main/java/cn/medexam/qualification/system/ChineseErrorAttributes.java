package cn.medexam.qualification.system;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What the container answers by itself (a body cut off mid-upload, a request Tomcat refuses before any controller,
 * a failure outside the API's handlers) carries the API's {@code code} and a Chinese {@code message} too, beside
 * Spring Boot's status and path; never the exception or its message.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        int status = attributes.get("status") instanceof Integer code ? code : 500;
        Object contentType = request.getHeader("Content-Type");
        boolean upload = contentType != null && contentType.toString().startsWith("multipart/");
        ApiError error = switch (status) {
            case 400 ->
                upload
                        ? new ApiError("BAD_MULTIPART", "上传内容不完整或格式错误，请重新选择图片上传")
                        : new ApiError("BAD_REQUEST", "请求内容不完整或格式错误，请检查后重试");
            case 401 -> new ApiError("UNAUTHENTICATED", "请先登录");
            case 403 -> new ApiError("FORBIDDEN", "您没有权限执行此操作");
            case 404 -> new ApiError("NOT_FOUND", "请求的地址不存在");
            case 405 -> new ApiError("METHOD_NOT_ALLOWED", "不支持该请求方式");
            case 413 -> new ApiError("TOO_LARGE", "请求内容过大");
            case 429 -> new ApiError("TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试");
            default ->
                status >= 500
                        ? new ApiError("INTERNAL_ERROR", "系统繁忙，请稍后重试；如问题持续，请联系考区管理员")
                        : new ApiError("HTTP_" + status, "请求未能完成");
        };
        attributes.put("code", error.code());
        attributes.put("message", error.message());
        return attributes;
    }
}
