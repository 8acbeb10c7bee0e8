/**
 * The image store: uploads checked the moment they arrive, submission and locking, staff image views; owns {@code
 * material_image} and {@code image_view}.
 */
package cn.medexam.qualification.documents;
