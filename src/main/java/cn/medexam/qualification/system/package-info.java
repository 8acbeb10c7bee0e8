/**
 * What every capability shares: security (logins, the engine's write guard, account and password rules), groups
 * and authorizations, the API's errors, masking of personal data in logs, the engine clock.
 */
package cn.medexam.qualification.system;
