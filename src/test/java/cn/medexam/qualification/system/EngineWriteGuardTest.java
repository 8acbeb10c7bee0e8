package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.junit.jupiter.api.Test;

/**
 * The guard names Camunda's commands by class name; an engine upgrade that renames or drops one must fail here,
 * not open a door silently. (EngineApiAttackTest performs the attacks themselves.)
 */
class EngineWriteGuardTest {

    @Test
    void everyCommandTheGuardNamesExistsInTheEngine() throws IOException, URISyntaxException {
        Set<String> engineCommands = engineClassNames();

        assertThat(engineCommands)
                .containsAll(EngineWriteGuard.CASE_WRITES)
                .containsAll(EngineWriteGuard.OPERATIONS)
                .containsAll(EngineWriteGuard.CANDIDATE_READS)
                .containsAll(EngineWriteGuard.ACCOUNT_WRITES);
    }

    @Test
    void theArgumentsTheGuardReadsAreWhereItLooks() {
        assertThat(EngineWriteGuard.field(new ClaimTaskCmd("task", "reviewer"), ClaimTaskCmd.class, "userId"))
                .isEqualTo("reviewer");
        assertThat(EngineWriteGuard.field(
                        new AssignTaskCmd("task", "reviewer"), AbstractAddIdentityLinkCmd.class, "userId"))
                .isEqualTo("reviewer");
        assertThat(EngineWriteGuard.field(new CheckPassword("reviewer", "secret"), CheckPassword.class, "userId"))
                .isEqualTo("reviewer");
        SetJobRetriesCmd retry = new SetJobRetriesCmd("job", null, 0, null, false);
        assertThat(EngineWriteGuard.field(retry, SetJobRetriesCmd.class, "retries"))
                .isEqualTo(0);
        assertThat(EngineWriteGuard.field(retry, SetJobRetriesCmd.class, "isDueDateSet"))
                .isEqualTo(false);
        assertThat(AbstractSetJobsRetriesBatchCmd.class.getDeclaredFields())
                .extracting(java.lang.reflect.Field::getName)
                .contains("retries", "isDueDateSet");
    }

    private static Set<String> engineClassNames() throws IOException, URISyntaxException {
        Path jar = Path.of(CompleteTaskCmd.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (JarFile engine = new JarFile(jar.toFile())) {
            return engine.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("org/camunda/bpm/engine/impl/") && name.endsWith(".class"))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - ".class".length()))
                    .collect(Collectors.toSet());
        }
    }
}
