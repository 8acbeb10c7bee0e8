/**
 * Which materials a candidate must upload, decided by the region's DMN tables; owns {@code material_type}, {@code
 * checklist_item} and {@code checklist_decision}.
 */
package cn.medexam.qualification.checklist;
