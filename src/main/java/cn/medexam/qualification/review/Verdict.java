package cn.medexam.qualification.review;

import java.util.Map;

/**
 * A reviewer's decision on a case.
 *
 * @param reason  why, for NOT_QUALIFIED and ON_SITE (required) or a RETURN (optional summary)
 * @param returns for a RETURN: material code to the reason the candidate reads, e.g. 毕业证编号无法辨别，请重新上传！
 * @param notes   material code to the reviewer's note for the next round (the region reads the site's), e.g.
 *                毕业证编号与学信网一致; the candidate never reads them
 */
public record Verdict(ReviewOutcome outcome, String reason, Map<String, String> returns, Map<String, String> notes) {

    public static Verdict pass() {
        return new Verdict(ReviewOutcome.PASS, null, Map.of(), Map.of());
    }

    public static Verdict notQualified(String reason) {
        return new Verdict(ReviewOutcome.NOT_QUALIFIED, reason, Map.of(), Map.of());
    }

    public static Verdict returning(Map<String, String> returns) {
        return new Verdict(ReviewOutcome.RETURN, null, returns, Map.of());
    }

    public static Verdict onSite(String reason) {
        return new Verdict(ReviewOutcome.ON_SITE, reason, Map.of(), Map.of());
    }
}
