package cn.medexam.qualification.documents;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import cn.medexam.qualification.system.ApiError;

/** Upload refusals: 422 with the check's code and its Chinese advice; a submission lacking materials names them. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentErrors {

    record MissingMaterials(String code, String message, List<String> missing) {
    }

    @ExceptionHandler(ImageRejectedException.class)
    ResponseEntity<ApiError> rejected(ImageRejectedException e) {
        return ResponseEntity.unprocessableEntity().body(new ApiError(e.rejection().name(), e.getMessage()));
    }

    /** Far over the limit: the container stops reading before the checks see the file. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.unprocessableEntity()
                .body(new ApiError(ImageRejection.TOO_LARGE.name(), ImageRejection.TOO_LARGE.message()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> noFile(MissingServletRequestPartException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(new ApiError("NO_FILE", "请选择要上传的图片（表单字段 file）"));
    }

    @ExceptionHandler(MaterialsMissingException.class)
    ResponseEntity<MissingMaterials> missing(MaterialsMissingException e) {
        return ResponseEntity.unprocessableEntity()
                .body(new MissingMaterials("MATERIALS_MISSING", e.getMessage(), e.missing()));
    }
}
