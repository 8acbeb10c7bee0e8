package cn.medexam.qualification.checklist;

/** One material of a checklist: its code (as the DMN emits it), Chinese name, whether required, maximum images. */
public record ChecklistEntry(String code, String name, boolean required, int maxImages) {}
