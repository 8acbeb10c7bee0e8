package cn.medexam.qualification.printing;

import cn.medexam.qualification.system.DomainException;
import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one CJK font of every printed document, embedded as a subset (Identity-H with a ToUnicode map, so the text can
 * be searched and copied). Loaded once, on first use: parsing a CJK collection takes a second or two. OpenPDF shares
 * one font among documents being written at the same time; each writer keeps its own subset.
 */
@Component
class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    private final PrintingProperties properties;
    private volatile BaseFont font;

    CjkFont(PrintingProperties properties) {
        this.properties = properties;
        if (!Files.isReadable(Path.of(properties.font()))) {
            log.warn(
                    "the font for printed documents is missing: {} (qr.printing.font; Debian: apt-get install "
                            + "fonts-noto-cjk); /api/me/documents/*.pdf answers 503 until it is there",
                    properties.font());
        }
    }

    BaseFont get() {
        BaseFont loaded = font;
        if (loaded == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                loaded = font;
            }
        }
        return loaded;
    }

    private BaseFont load() {
        String file = properties.font();
        String name = file.toLowerCase().endsWith(".ttc") ? file + "," + properties.fontIndex() : file;
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            log.error("the font for printed documents cannot be read: {} ({})", file, e.toString());
            throw DomainException.unavailable("PRINTING_UNAVAILABLE", "打印服务暂不可用（缺少中文字体），请稍后再试或联系考区管理员");
        }
    }
}
