package cn.medexam.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every top-level package is a module (Spring Modulith): no cycles between them, no use of another module's
 * internals, and only the dependencies its {@code package-info.java} allows. The module diagrams in {@code
 * docs/modules/} are rendered from the same model; the test fails when they are stale, and {@code
 * -Dqr.modules.write=true} writes them anew.
 */
class ModuleBoundariesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(QualificationReviewApplication.class);
    private static final Path DOCS = Path.of("docs/modules");
    private static final Path RENDERED = Path.of("target/modules-docs");

    @Test
    void modulesDependOnEachOtherWithoutCyclesAndOnlyThroughTheirApi() {
        MODULES.verify();
    }

    @Test
    void everyTopLevelPackageIsAModuleWithADisplayName() throws IOException {
        List<String> packages;
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/cn/medexam/qualification"))) {
            packages = dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrderElementsOf(packages);
        assertThat(MODULES.stream())
                .allSatisfy(module -> assertThat(module.getDisplayName())
                        .isNotEqualTo(module.getIdentifier().toString()));
    }

    @Test
    void readmesPackageTableListsTheModulesAndTheTablesTheirMigrationsCreate() throws IOException {
        Map<String, Set<String>> readme = new TreeMap<>();
        String section = Files.readString(Path.of("README.md"))
                .split("## Where things live", 2)[1]
                .strip();
        for (String line : section.split("\n\n", 2)[0].lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length > 3 && cells[1].trim().matches("`[a-z]+`")) {
                readme.put(cells[1].trim().replace("`", ""), backticked(cells[3]));
            }
        }
        Map<String, Set<String>> migrations = new TreeMap<>();
        MODULES.stream()
                .forEach(module -> migrations.put(
                        module.getIdentifier().toString(),
                        tablesCreatedIn(module.getIdentifier().toString())));
        assertThat(readme).isEqualTo(migrations);
    }

    @Test
    void theModuleDiagramsInDocsAreCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(RENDERED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> rendered = new TreeMap<>();
        contents(RENDERED).forEach((name, text) -> rendered.put(name, relationsInOrder(text)));
        if (Boolean.getBoolean("qr.modules.write")) {
            Files.createDirectories(DOCS);
            for (var file : rendered.entrySet()) {
                Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(contents(DOCS))
                .as("docs/modules/ differs from the modules; run ModuleBoundariesTest with -Dqr.modules.write=true")
                .isEqualTo(rendered);
    }

    /**
     * Modulith writes a diagram's components and relations in no fixed order; sorted, a diagram changes only when the
     * modules do. Sorts each run of consecutive component or relation lines.
     */
    private static String relationsInOrder(String puml) {
        StringBuilder text = new StringBuilder();
        List<String> run = new ArrayList<>();
        for (String line : puml.lines().toList()) {
            if (!run.isEmpty() && !kind(line).equals(kind(run.get(0)))) {
                run.stream().sorted().forEach(sorted -> text.append(sorted).append('\n'));
                run.clear();
            }
            if (kind(line).isEmpty()) {
                text.append(line).append('\n');
            } else {
                run.add(line);
            }
        }
        run.stream().sorted().forEach(sorted -> text.append(sorted).append('\n'));
        return text.toString();
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Rel(") ? "Rel" : trimmed.startsWith("Component(") ? "Component" : "";
    }

    private static Set<String> backticked(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("`([a-z_]+)`").matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static Set<String> tablesCreatedIn(String module) {
        Set<String> tables = new TreeSet<>();
        Path folder = Path.of("src/main/resources/db/migration", module);
        if (!Files.isDirectory(folder)) {
            return tables;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher create = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)")
                        .matcher(Files.readString(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
