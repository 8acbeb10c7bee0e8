/**
 * The candidate's own side: account activation by SMS code, the candidate's view of their case and profile ({@code
 * /api/candidate/**}, {@code /api/me/**}); owns {@code activation_code} and {@code candidate_profile}.
 */
package cn.medexam.qualification.candidate;
