package ru.unitecon.ui.views;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Views reach the table and the portal only through {@code ui/data}: none imports a store, the AWS SDK, the
 * Bitrix24 client, or a core class that does (the secrets, the Spend API's service).
 */
class ViewImportsTest {
    private static final Path VIEWS = Path.of("src/main/java/ru/unitecon/ui/views");
    private static final List<String> FORBIDDEN = List.of("ru.unitecon.core.store.", "software.amazon.",
            "ru.unitecon.core.bitrix.", "ru.unitecon.core.spend.SpendApi");

    @Test
    void viewsImportNoStoreNorAnythingThatTalksToDynamoDbOrThePortal() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(VIEWS)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.size() > 10, "the views' sources are where this test looks: " + VIEWS.toAbsolutePath());
        List<String> offending = sources.stream().flatMap(ViewImportsTest::imports)
                .filter(line -> FORBIDDEN.stream().anyMatch(line::contains)).toList();
        assertEquals(List.of(), offending);
    }

    private static Stream<String> imports(Path source) {
        try {
            return Files.readAllLines(source).stream().filter(line -> line.startsWith("import "))
                    .map(line -> source.getFileName() + ": " + line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
