package cn.medexam.qualification.review;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/review/return-reasons}: the review form's list of common return reasons. */
@RestController
class ReturnReasonsController {

    private final ReturnReasons reasons;

    ReturnReasonsController(ReturnReasons reasons) {
        this.reasons = reasons;
    }

    @GetMapping("/api/review/return-reasons")
    List<String> returnReasons() {
        return reasons.returnReasons();
    }
}
