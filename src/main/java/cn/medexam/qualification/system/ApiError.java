package cn.medexam.qualification.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer of the application's API: a machine code, a Chinese message for the person,
 * and, for bad input, one entry per bad field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String message, List<FieldError> errors) {

    public ApiError(String code, String message) {
        this(code, message, List.of());
    }

    public record FieldError(String field, String message) {}
}
