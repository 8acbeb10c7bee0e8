package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.DomainException;

/** No campaign (审核安排) exists for this region and exam year. */
public class UnknownCampaignException extends DomainException {

    UnknownCampaignException(Region region, int examYear) {
        super(Kind.NOT_FOUND, "NOT_FOUND", "未找到" + region + " " + examYear + "年度的审核安排，请联系考区管理员");
    }
}
