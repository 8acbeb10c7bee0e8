package cn.medexam.qualification.registration;

import cn.medexam.qualification.system.DomainException;

/** No registration has this candidate number. */
public class UnknownRegistrationException extends DomainException {

    UnknownRegistrationException(String candidateNo) {
        super(Kind.NOT_FOUND, "NOT_FOUND", "未找到考生编号 " + candidateNo + " 的报名信息");
    }
}
