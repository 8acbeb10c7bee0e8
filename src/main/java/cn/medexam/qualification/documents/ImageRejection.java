package cn.medexam.qualification.documents;

/**
 * Why an uploaded image was refused (SPEC.md section 3), each with the Chinese message shown to the candidate. Every
 * message says what to do next. See docs/image-checks.md for what each check measures.
 */
public enum ImageRejection {
    EMPTY("上传的文件为空，请重新选择图片后上传"),
    UNSUPPORTED_TYPE("仅支持 JPG、JPEG、PNG 格式的图片，请将图片另存为 JPG 或 PNG 后重新上传（仅修改文件扩展名无效）"),
    TOO_LARGE("图片超过 200KB，请压缩后重新上传"),
    CORRUPT("图片文件已损坏或不完整，无法打开，请重新拍照或重新保存后上传"),
    DIMENSIONS_TOO_LARGE("图片像素尺寸过大，请将图片缩小（如长边不超过 4000 像素）后重新上传"),
    NOT_UPRIGHT("图片方向不正（被旋转或翻转），请将照片转正、保持画面正向后重新上传"),
    BLURRY("图片不清晰，请在光线充足处对准材料重新拍摄，确保文字清晰可辨后上传"),
    TOO_SMALL("图片分辨率过低，无法看清内容，请使用更高的分辨率重新拍摄后上传"),
    PHOTO_NOT_JPEG("证件照须为 JPG 格式，请将照片另存为 JPG 后重新上传"),
    PHOTO_TOO_LARGE("证件照须小于 30KB，请压缩后重新上传"),
    PHOTO_BACKGROUND("证件照须为白色背景，请使用近期白底证件照重新上传"),
    PHOTO_PROPORTIONS("证件照须为小2寸（33mm×48mm）比例，请按小2寸规格裁剪后重新上传");

    private final String message;

    ImageRejection(String message) {
        this.message = message;
    }

    /** The Chinese message for the candidate. */
    public String message() {
        return message;
    }
}
