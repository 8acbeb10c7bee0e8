package cn.medexam.qualification.registration;

import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.medexam.qualification.system.ApiException;

/** Read access to registrations for the other capabilities. */
@Service
public class Registrations {

    private final RegistrationRepository repository;

    Registrations(RegistrationRepository repository) {
        this.repository = repository;
    }

    public Optional<Registration> find(String candidateNo) {
        return repository.find(candidateNo);
    }

    public Registration require(String candidateNo) {
        return repository.find(candidateNo).orElseThrow(() -> unknown(candidateNo));
    }

    static ApiException unknown(String candidateNo) {
        return ApiException.notFound("未找到考生编号 " + candidateNo + " 的报名信息");
    }
}
