package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
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
                .containsAll(EngineWriteGuard.ACCOUNT_WRITES);
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
