package cn.medexam.qualification.checklist;

import cn.medexam.qualification.campaign.Region;
import java.util.List;

/** What the region's checklist rules say of one registration. */
public record ChecklistDecision(
        Region region,
        boolean eligible,
        String ineligibleReason,
        boolean offlineReview,
        List<ChecklistEntry> materials) {

    public List<String> requiredCodes() {
        return materials.stream()
                .filter(ChecklistEntry::required)
                .map(ChecklistEntry::code)
                .toList();
    }
}
