package cn.medexam.qualification.documents;

import java.util.List;

/** A submission without images for some required materials; answered 422 with {"missing": [codes]}. */
public class MaterialsMissingException extends RuntimeException {

    private final List<String> missing;

    public MaterialsMissingException(List<String> missing) {
        super("必需材料尚未上传：" + String.join("、", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
