package cn.medexam.qualification.documents;

import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.PerAddressLimit;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 医考报名照片检测: anyone checks an ID photo before registering, without an account (page /photo-check.html). The
 * checks are the upload's for the material PHOTO, run by the same method; nothing is stored or logged of the photo.
 * Decoding costs the server work, so one client address gets {@link #CHECKS_PER_ADDRESS} checks per {@link #WINDOW}.
 */
@RestController
class PhotoCheckController {

    static final int CHECKS_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** The answer: ok, or the refusal's code and its Chinese advice. */
    record Answer(boolean ok, String code, String message) {}

    static final String PASSED = "照片符合报名照片要求（JPG 格式、小于 30KB、小2寸比例、白色背景、清晰），可用于网上报名上传";

    private final MaterialUploads uploads;
    private final PerAddressLimit limit;

    PhotoCheckController(MaterialUploads uploads, EngineClock clock) {
        this.uploads = uploads;
        this.limit = new PerAddressLimit(CHECKS_PER_ADDRESS, WINDOW, clock);
    }

    @PostMapping(path = "/api/photo-check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "200", description = "{ok, code, message}：证件照检查结果，不保存任何内容")
    @ApiResponse(
            responseCode = "429",
            description = "{ok: false, code: TOO_MANY_REQUESTS, message}：同一地址 10 分钟内超过 20 次，见 Retry-After",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    ResponseEntity<Answer> check(@RequestPart("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        OptionalLong wait = limit.count(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany(wait.getAsLong());
        }
        try {
            uploads.inspect(MaterialUploads.PHOTO, file.getBytes());
            return answer(HttpStatus.OK, new Answer(true, "OK", PASSED));
        } catch (ImageRejectedException refused) {
            return answer(
                    HttpStatus.OK,
                    new Answer(
                            false,
                            refused.rejection().name(),
                            refused.rejection().message()));
        }
    }

    private static ResponseEntity<Answer> answer(HttpStatus status, Answer answer) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(answer);
    }

    private static ResponseEntity<Answer> tooMany(long minutes) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(minutes * 60))
                .cacheControl(CacheControl.noStore())
                .body(new Answer(false, "TOO_MANY_REQUESTS", "照片检测过于频繁，请 " + minutes + " 分钟后再试"));
    }
}
