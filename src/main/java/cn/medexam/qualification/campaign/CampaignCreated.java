package cn.medexam.qualification.campaign;

/** Published inside the transaction that creates a new campaign, for what other capabilities keep per campaign. */
public record CampaignCreated(Region region, int examYear) {}
