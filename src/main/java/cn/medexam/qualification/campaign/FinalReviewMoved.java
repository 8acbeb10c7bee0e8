package cn.medexam.qualification.campaign;

/**
 * Published inside the transaction that moves a campaign's last day of final review, for what other capabilities
 * count from that day (the engine history's removal time of the campaign's cases).
 */
public record FinalReviewMoved(Region region, int examYear) {}
