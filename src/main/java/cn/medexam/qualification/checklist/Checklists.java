package cn.medexam.qualification.checklist;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.system.EngineClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides, stores and reads candidates' checklists. */
@Service
public class Checklists {

    private final ChecklistRules rules;
    private final ChecklistRepository repository;
    private final MaterialCatalog catalog;
    private final EngineClock clock;

    Checklists(ChecklistRules rules, ChecklistRepository repository, MaterialCatalog catalog, EngineClock clock) {
        this.rules = rules;
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The outcome of deciding a registration's checklist, with what became required by it. */
    public record Outcome(ChecklistDecision decision, List<String> newlyRequired) {}

    @Transactional
    public Outcome decide(Registration registration) {
        ChecklistDecision decision = rules.evaluate(registration);
        repository.saveDecision(registration.candidateNo(), decision, clock.now());
        List<String> newlyRequired = repository.replace(registration.candidateNo(), decision.materials(), clock.now());
        return new Outcome(decision, newlyRequired);
    }

    /** A registration's checklist as the rules would decide it now, without storing anything. */
    public ChecklistDecision preview(Registration registration) {
        return rules.evaluate(registration);
    }

    /** The stored checklist of a case: its last decision and the materials that are active. */
    public Optional<ChecklistDecision> of(String candidateNo) {
        return repository
                .eligibility(candidateNo)
                .map(e -> new ChecklistDecision(
                        e.region(),
                        e.eligible(),
                        e.ineligibleReason(),
                        e.offlineReview(),
                        activeMaterials(candidateNo)));
    }

    /** The active materials of a candidate's checklist, in display order. */
    public List<ChecklistEntry> activeMaterials(String candidateNo) {
        Map<String, String> names = catalog.names();
        return repository.items(candidateNo).stream()
                .filter(ChecklistRepository.Item::active)
                .map(item -> new ChecklistEntry(item.code(), names.get(item.code()), item.required(), item.maxImages()))
                .toList();
    }

    public List<String> requiredCodes(String candidateNo) {
        return activeMaterials(candidateNo).stream()
                .filter(ChecklistEntry::required)
                .map(ChecklistEntry::code)
                .toList();
    }

    public Map<String, String> materialNames() {
        return catalog.names();
    }
}
