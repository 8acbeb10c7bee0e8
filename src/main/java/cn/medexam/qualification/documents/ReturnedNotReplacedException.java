package cn.medexam.qualification.documents;

import java.util.List;

/**
 * A resubmission in which a returned material still has only the images it was returned with; answered 422
 * {@code RETURNED_NOT_REPLACED} naming the materials. Nothing is locked or completed.
 */
public class ReturnedNotReplacedException extends RuntimeException {

    private final List<String> notReplaced;

    ReturnedNotReplacedException(List<String> notReplaced, List<String> names) {
        super("以下退回的材料还没有上传新的图片：" + String.join("、", names) + "。请按退回原因重新拍摄上传后再提交");
        this.notReplaced = List.copyOf(notReplaced);
    }

    public List<String> notReplaced() {
        return notReplaced;
    }
}
