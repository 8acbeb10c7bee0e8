package cn.medexam.qualification.system;

/** Published when group candidates is created, on the first start of an installation. */
public record CandidatesGroupCreated() {}
