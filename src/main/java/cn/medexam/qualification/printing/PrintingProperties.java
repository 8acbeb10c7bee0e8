package cn.medexam.qualification.printing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the printable documents under {@code qr.printing.*}.
 *
 * @param font      the CJK font embedded in every PDF (a subset of it): a TrueType or OpenType file or collection;
 *                  default Noto Serif CJK of Debian's package fonts-noto-cjk, the font .ci/run installs
 * @param fontIndex the font's index in a collection (.ttc): 2 is Simplified Chinese (SC) in Noto's collections
 * @param publicUrl the address candidates and exam-site clerks reach the application at, for the notice's QR code
 *                  (e.g. https://shenhe.example.cn); empty: the address of the request that downloads the notice
 */
@ConfigurationProperties("qr.printing")
public record PrintingProperties(String font, Integer fontIndex, String publicUrl) {

    public PrintingProperties {
        font = font == null || font.isBlank() ? "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc" : font;
        fontIndex = fontIndex == null ? 2 : fontIndex;
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }
}
