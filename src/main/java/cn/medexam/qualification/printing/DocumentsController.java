package cn.medexam.qualification.printing;

import cn.medexam.qualification.system.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The candidate's printable documents: always the logged-in candidate's own. */
@RestController
@RequestMapping("/api/me/documents")
class DocumentsController {

    private final PrintedDocuments documents;
    private final PrintingProperties properties;

    DocumentsController(PrintedDocuments documents, PrintingProperties properties) {
        this.documents = documents;
        this.properties = properties;
    }

    @ApiResponse(responseCode = "200", description = "可打印的表格与通知单")
    @ApiResponse(responseCode = "404", description = "未找到您的报名信息")
    @GetMapping
    List<PrintedDocuments.Listed> list(Principal me) {
        return documents.list(me.getName());
    }

    @GetMapping("/{kind}.pdf")
    @ApiResponse(responseCode = "200", description = "application/pdf，A4，附件下载")
    @ApiResponse(responseCode = "409", description = "NOTICE_NOT_AVAILABLE：考点初审通过前没有通知单")
    @ApiResponse(responseCode = "404", description = "未知的表格；未找到您的报名信息")
    @ApiResponse(responseCode = "503", description = "PRINTING_UNAVAILABLE：缺少字体")
    ResponseEntity<byte[]> pdf(Principal me, @PathVariable String kind) {
        PrintableDocument document =
                PrintableDocument.named(kind).orElseThrow(() -> ApiException.notFound("没有这种可打印的表格：" + kind));
        PrintedDocuments.Pdf pdf = documents.render(me.getName(), document, baseUrl());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(pdf))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf.bytes());
    }

    /** RFC 6266 with the Chinese name as RFC 5987 filename*, and an ASCII name for clients that know only filename. */
    static String attachment(PrintedDocuments.Pdf pdf) {
        return "attachment; filename=\"" + pdf.asciiFileName() + "\"; filename*=UTF-8''"
                + URLEncoder.encode(pdf.fileName(), StandardCharsets.UTF_8)
                        .replace("+", "%20")
                        .replace("*", "%2A");
    }

    private String baseUrl() {
        return properties.publicUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : properties.publicUrl();
    }
}
