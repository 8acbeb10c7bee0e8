package cn.medexam.qualification.checklist;

import cn.medexam.qualification.registration.Registration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates a region's checklist decisions ({@code processes/checklist-<region>.dmn}): {@code eligibility-<region>}
 * (FIRST: eligible, offline review, reason) and {@code materials-<region>} (COLLECT: code, required, max images).
 * The latest deployed version is used, so a region office changes its rules by redeploying its table. A material
 * several rules emit is required if any rule requires it and takes the largest maximum.
 */
@Component
public class ChecklistRules {

    private final DecisionService decisionService;
    private final MaterialCatalog catalog;

    ChecklistRules(DecisionService decisionService, MaterialCatalog catalog) {
        this.decisionService = decisionService;
        this.catalog = catalog;
    }

    public ChecklistDecision evaluate(Registration registration) {
        VariableMap facts = facts(registration);
        String region = registration.region().name().toLowerCase(Locale.ROOT);
        DmnDecisionResultEntries eligibility = decisionService
                .evaluateDecisionByKey("eligibility-" + region)
                .variables(facts)
                .evaluate()
                .getSingleResult();
        DmnDecisionResult materials = decisionService
                .evaluateDecisionByKey("materials-" + region)
                .variables(facts)
                .evaluate();
        return new ChecklistDecision(
                registration.region(),
                Boolean.TRUE.equals(eligibility.getEntry("eligible")),
                eligibility.getEntry("ineligibleReason"),
                Boolean.TRUE.equals(eligibility.getEntry("offlineReview")),
                merge(materials));
    }

    private List<ChecklistEntry> merge(DmnDecisionResult rows) {
        Map<String, String> names = catalog.names();
        Map<String, ChecklistEntry> byCode = new LinkedHashMap<>();
        for (DmnDecisionResultEntries row : rows) {
            String code = row.getEntry("code");
            if (!names.containsKey(code)) {
                throw new IllegalStateException("checklist rules emit unknown material code " + code);
            }
            ChecklistEntry entry = new ChecklistEntry(
                    code,
                    names.get(code),
                    Boolean.TRUE.equals(row.getEntry("required")),
                    ((Number) row.getEntry("maxImages")).intValue());
            byCode.merge(
                    code,
                    entry,
                    (a, b) -> new ChecklistEntry(
                            code, a.name(), a.required() || b.required(), Math.max(a.maxImages(), b.maxImages())));
        }
        List<String> order = new ArrayList<>(names.keySet());
        return byCode.values().stream()
                .sorted(Comparator.comparingInt(e -> order.indexOf(e.code())))
                .toList();
    }

    /** The decision inputs, named as in the tables; dates as ISO text so they compare as strings. */
    private static VariableMap facts(Registration r) {
        return Variables.createVariables()
                .putValue("region", r.region().name())
                .putValue("examYear", r.examYear())
                .putValue("idType", r.idType().name())
                .putValue("level", r.level().name())
                .putValue("category", r.category().name())
                .putValue("education", r.education().name())
                .putValue("graduateStatus", r.graduateStatus().name())
                .putValue("upgradedBachelorEnteredOn", iso(r.upgradedBachelorEnteredOn()))
                .putValue("graduateEnrolledOn", iso(r.graduateEnrolledOn()))
                .putValue("holdsAssistantQualification", r.holdsAssistantQualification())
                .putValue("assistantRegisteredOn", iso(r.assistantRegisteredOn()))
                .putValue("institutionTier", r.institutionTier().name())
                .putValue("probationInstitutions", r.probationInstitutions())
                .putValue("foreignDegree", r.foreignDegree())
                .putValue("nationality", r.nationality().name())
                .putValue("previousHunanRegistration", r.previousHunanRegistration())
                .putValue("shortTrack", r.shortTrack())
                .putValue("graduatingThisYear", r.graduatingThisYear())
                .putValue("militaryStatus", r.militaryStatus().name())
                .putValue("schoolInRegion", r.schoolInRegion());
    }

    private static String iso(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
