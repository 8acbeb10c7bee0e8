package cn.medexam.qualification.candidate;

import cn.medexam.qualification.documents.ImageContent;
import cn.medexam.qualification.documents.MaterialImage;
import cn.medexam.qualification.documents.MaterialUploads;
import cn.medexam.qualification.notification.Notifier;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.ApiException;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.Masking;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The candidate's own API: always the logged-in candidate's case, never another's. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final MyCases cases;
    private final MaterialUploads uploads;
    private final Profiles profiles;
    private final Registrations registrations;
    private final Notifier notifier;
    private final EngineClock clock;

    MeController(
            MyCases cases,
            MaterialUploads uploads,
            Profiles profiles,
            Registrations registrations,
            Notifier notifier,
            EngineClock clock) {
        this.cases = cases;
        this.uploads = uploads;
        this.profiles = profiles;
        this.registrations = registrations;
        this.notifier = notifier;
        this.clock = clock;
    }

    record Uploaded(String id, String materialCode, String status, Instant uploadedAt, int bytes, String contentType) {

        static Uploaded of(MaterialImage image) {
            return new Uploaded(
                    image.id(),
                    image.materialCode(),
                    image.locked() ? "LOCKED" : "UNLOCKED",
                    image.uploadedAt(),
                    image.bytes(),
                    image.contentType());
        }
    }

    record ProfileView(String candidateNo, String name, String idNumber, String phone, String contactAddress) {}

    record ProfileChange(
            @Pattern(regexp = "1[3-9][0-9]{9}", message = "手机号码须为 11 位中国大陆手机号")
            String phone,

            @Size(max = 300, message = "联系地址最长 300 个字符") String contactAddress) {}

    @ApiResponse(responseCode = "200", description = "案件：状态、截止时间、材料清单与消息")
    @ApiResponse(responseCode = "404", description = "未找到您的报名信息")
    @GetMapping("/case")
    MyCase myCase(Principal me) {
        return cases.of(me.getName());
    }

    @PostMapping(path = "/materials/{code}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "已保存（同一图片再次上传：同样的内容）")
    @ApiResponse(responseCode = "422", description = "图片检查未通过：code 为检查项，message 为中文建议")
    @ApiResponse(responseCode = "409", description = "材料已锁定或已满")
    @ApiResponse(responseCode = "404", description = "材料清单中没有该材料")
    ResponseEntity<Uploaded> upload(Principal me, @PathVariable String code, @RequestPart("file") MultipartFile file)
            throws IOException {
        MaterialImage image = uploads.upload(me.getName(), code, file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(Uploaded.of(image));
    }

    @ApiResponse(responseCode = "200", description = "图片本身", content = @Content(mediaType = "image/*"))
    @ApiResponse(responseCode = "404", description = "未找到该图片")
    @GetMapping("/materials/{code}/images/{id}")
    ResponseEntity<byte[]> image(Principal me, @PathVariable String code, @PathVariable String id) {
        ImageContent image = uploads.content(me.getName(), code, id).orElseThrow(() -> ApiException.notFound("未找到该图片"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("Cache-Control", "private, no-store")
                .body(image.bytes());
    }

    @DeleteMapping("/materials/{code}/images/{id}")
    @ApiResponse(responseCode = "204", description = "已删除")
    @ApiResponse(responseCode = "409", description = "IMAGE_LOCKED：已提交锁定")
    @ApiResponse(responseCode = "404", description = "未找到该图片")
    ResponseEntity<Void> delete(Principal me, @PathVariable String code, @PathVariable String id) {
        uploads.delete(me.getName(), code, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/submission")
    @ApiResponse(responseCode = "200", description = "已提交，材料已锁定")
    @ApiResponse(
            responseCode = "422",
            description = "MATERIALS_MISSING（missing：缺少的材料代码）、RETURNED_NOT_REPLACED（notReplaced）、PLEDGE_REQUIRED")
    @ApiResponse(responseCode = "409", description = "NOT_OPEN_FOR_SUBMISSION：已提交或已过截止时间")
    MyCase submit(Principal me) {
        uploads.submit(me.getName());
        return cases.of(me.getName());
    }

    @ApiResponse(responseCode = "204", description = "已标记为已读")
    @ApiResponse(responseCode = "404", description = "未找到该消息")
    @PostMapping("/messages/{id}/read")
    ResponseEntity<Void> read(Principal me, @PathVariable String id) {
        if (!notifier.markRead(me.getName(), id)) {
            throw ApiException.notFound("未找到该消息");
        }
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "200", description = "联系方式；证件号码已遮蔽")
    @ApiResponse(responseCode = "404", description = "未找到您的报名信息")
    @GetMapping("/profile")
    ProfileView profile(Principal me) {
        Registration registration = registrations.require(me.getName());
        Profiles.Profile profile = profiles.find(me.getName()).orElse(new Profiles.Profile(registration.phone(), null));
        return new ProfileView(
                registration.candidateNo(),
                registration.name(),
                Masking.idNumber(registration.idNumber()),
                profile.phone(),
                profile.contactAddress());
    }

    @ApiResponse(responseCode = "200", description = "已保存：联系方式")
    @ApiResponse(responseCode = "404", description = "未找到您的报名信息")
    @PutMapping("/profile")
    ProfileView changeProfile(Principal me, @Valid @RequestBody ProfileChange change) {
        ProfileView current = profile(me);
        profiles.save(
                me.getName(),
                new Profiles.Profile(
                        change.phone() != null ? change.phone() : current.phone(),
                        change.contactAddress() != null
                                ? change.contactAddress().trim()
                                : current.contactAddress()),
                clock.now());
        return profile(me);
    }
}
