package cn.medexam.qualification.documents;

import cn.medexam.qualification.system.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Upload refusals: 422 with the check's code and its Chinese advice; a submission lacking materials names them. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentErrors {

    private static final Logger log = LoggerFactory.getLogger(DocumentErrors.class);

    @ExceptionHandler(ImageRejectedException.class)
    ResponseEntity<ApiError> rejected(ImageRejectedException e) {
        return ResponseEntity.unprocessableEntity()
                .body(new ApiError(e.rejection().name(), e.getMessage()));
    }

    /** Far over the limit: the container stops reading before the checks see the file. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.unprocessableEntity()
                .body(new ApiError(ImageRejection.TOO_LARGE.name(), ImageRejection.TOO_LARGE.message()));
    }

    /**
     * A multipart body no browser sends: cut off, without its closing boundary, too many parts, a NUL in a file name.
     * Nothing was stored (the parser fails before the controller runs); one line in the log, no stack trace.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> malformed(MultipartException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        log.warn("malformed upload refused: {}", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return ResponseEntity.badRequest().body(new ApiError("BAD_MULTIPART", "上传内容不完整或格式错误，请重新选择图片上传"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> noFile(MissingServletRequestPartException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ApiError("NO_FILE", "请选择要上传的图片（表单字段 file）"));
    }

    @ExceptionHandler(MaterialsMissingException.class)
    ResponseEntity<ApiError> missing(MaterialsMissingException e) {
        return ResponseEntity.unprocessableEntity()
                .body(ApiError.missing("MATERIALS_MISSING", e.getMessage(), e.missing()));
    }

    @ExceptionHandler(ReturnedNotReplacedException.class)
    ResponseEntity<ApiError> notReplaced(ReturnedNotReplacedException e) {
        return ResponseEntity.unprocessableEntity()
                .body(ApiError.notReplaced("RETURNED_NOT_REPLACED", e.getMessage(), e.notReplaced()));
    }
}
