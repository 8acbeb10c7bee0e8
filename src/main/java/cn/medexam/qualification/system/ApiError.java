package cn.medexam.qualification.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer of the application's API: a machine code, a Chinese message for the person, and,
 * for bad input, one entry per bad field; a refused submission also names the material codes it lacks ({@code
 * missing}) or the returned materials still showing only their returned images ({@code notReplaced}). Empty parts
 * are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
        String code, String message, List<FieldError> errors, List<String> missing, List<String> notReplaced) {

    public ApiError(String code, String message) {
        this(code, message, List.of(), List.of(), List.of());
    }

    public ApiError(String code, String message, List<FieldError> errors) {
        this(code, message, errors, List.of(), List.of());
    }

    /** A submission lacking images for these required materials. */
    public static ApiError missing(String code, String message, List<String> materials) {
        return new ApiError(code, message, List.of(), materials, List.of());
    }

    /** A resubmission whose returned materials still have only the images they were returned with. */
    public static ApiError notReplaced(String code, String message, List<String> materials) {
        return new ApiError(code, message, List.of(), List.of(), materials);
    }

    public record FieldError(String field, String message) {}
}
