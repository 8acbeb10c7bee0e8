package cn.medexam.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to the package whose folder under {@code db/migration/} creates it, and only that package's
 * SQL names it; another package asks the owner's API. The SQL is read from the string literals and text blocks of
 * {@code src/main/java}: every table after FROM, JOIN, INTO, UPDATE or in a FROM list.
 */
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/cn/medexam/qualification");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern LITERAL = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE_AFTER_KEYWORD = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|delete\\s+from|merge\\s+into)\\s+([a-z_][a-z0-9_]*)((?:\\s+[a-z_][a-z0-9_]*)?(?:\\s*,\\s*[a-z_][a-z0-9_]*(?:\\s+[a-z_][a-z0-9_]*)?)*)");
    private static final Pattern LISTED_TABLE = Pattern.compile(",\\s*([a-z_][a-z0-9_]*)");

    @Test
    void everyPackageNamesOnlyTheTablesItsMigrationsCreate() {
        Map<String, String> owners = tableOwners();
        assertThat(owners).containsKeys("registration", "exam_region", "material_type");

        Map<String, Set<String>> foreign = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String module = SOURCES.relativize(file).getName(0).toString();
                if (module.endsWith(".java")) {
                    return;
                }
                for (String table : tablesNamedIn(read(file))) {
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        foreign.computeIfAbsent(SOURCES.relativize(file).toString(), f -> new TreeSet<>())
                                .add(table + " (owned by " + owner + ")");
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(foreign).as("SQL naming another package's tables").isEmpty();
    }

    @Test
    void theScanFindsTablesInLiteralsAndTextBlocks() {
        String source = "class X { String a = \"SELECT r.name FROM registration r JOIN campaign c ON 1=1\";\n"
                + "String b = \"\"\"\n UPDATE serial_counter SET n = 1 \n\"\"\"; String c = \"FROM exam_region, campaign_purge p\"; }";
        assertThat(tablesNamedIn(source))
                .contains("registration", "campaign", "serial_counter", "exam_region", "campaign_purge");
    }

    private static Set<String> tablesNamedIn(String source) {
        Set<String> tables = new TreeSet<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher keyword = TABLE_AFTER_KEYWORD.matcher(sql);
            while (keyword.find()) {
                tables.add(keyword.group(1).toLowerCase());
                Matcher listed = LISTED_TABLE.matcher(keyword.group(2));
                while (listed.find()) {
                    tables.add(listed.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(file -> {
                String owner = MIGRATIONS.relativize(file).getName(0).toString();
                Matcher create = CREATE_TABLE.matcher(read(file));
                while (create.find()) {
                    String previous = owners.put(create.group(1).toLowerCase(), owner);
                    assertThat(previous)
                            .as("table %s created twice", create.group(1))
                            .isIn(null, owner);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
