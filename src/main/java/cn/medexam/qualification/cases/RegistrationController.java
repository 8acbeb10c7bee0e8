package cn.medexam.qualification.cases;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.RegistrationRequest;
import cn.medexam.qualification.registration.RegistrationService;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registration system's API: a registration starts a case, a change re-decides it, a cancellation ends it. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService service;
    private final CaseViews views;

    RegistrationController(RegistrationService service, CaseViews views) {
        this.service = service;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<CaseView> register(@Valid @RequestBody RegistrationRequest request) {
        Registration registration = request.toRegistration();
        boolean created;
        try {
            created = service.register(registration).isPresent();
        } catch (DuplicateKeyException concurrentTwin) {
            // the same registration arrived twice at once; the other request started the case
            created = service.register(registration).isPresent();
        }
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(views.of(registration.candidateNo()));
    }

    @PutMapping("/{candidateNo}")
    CaseView change(@PathVariable String candidateNo, @Valid @RequestBody RegistrationRequest request) {
        service.change(candidateNo, request.toRegistration());
        return views.of(candidateNo);
    }

    @DeleteMapping("/{candidateNo}")
    ResponseEntity<Void> cancel(@PathVariable String candidateNo) {
        service.cancel(candidateNo);
        return ResponseEntity.noContent().build();
    }
}
