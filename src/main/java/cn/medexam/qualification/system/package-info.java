/**
 * What every capability shares: security (logins, the engine's write guard, account and password rules), groups
 * and authorizations, the API's errors, masking of personal data in logs, the engine clock.
 */
@ApplicationModule(
        displayName = "System",
        allowedDependencies = {})
package cn.medexam.qualification.system;

import org.springframework.modulith.ApplicationModule;
