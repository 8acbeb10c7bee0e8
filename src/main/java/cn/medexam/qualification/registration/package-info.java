/**
 * Registrations from the registration system: they start, change and cancel cases; owns {@code registration}.
 */
package cn.medexam.qualification.registration;
