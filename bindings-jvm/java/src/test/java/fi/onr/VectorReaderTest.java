package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one escape dialect of tests/vectors/*.tsv as {@link Vectors} reads it. */
class VectorReaderTest {
    @Test
    void theOneDialectIsRead() {
        assertEquals("a\\b\tc\nd\re\u0000\uD835\uDFCE\u007Ff",
                Vectors.unescape("a\\\\b\\tc\\nd\\re\\u{0}\\u{1D7CE}\\u{7F}f"));
        assertEquals("plain ä", Vectors.unescape("plain ä"));
    }

    @Test
    void anyOtherEscapeFailsLoudly() {
        for (String[] c : new String[][] {
            {"12\\u0000", "old \\uXXXX form is retired"},
            {"12\\U0001D7CE", "unknown escape \\U"},
            {"\\x41", "unknown escape \\x"},
            {"\\u{D800}", "Unicode scalar value"},
            {"\\u{110000}", "Unicode scalar value"},
            {"\\u{12", "old \\uXXXX form is retired"},
            {"a\\", "lone backslash"},
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vectors.unescape(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void everyVectorFileReadsInTheDialect() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Vectors.dir())) {
            files = all.filter(p -> p.toString().endsWith(".tsv")).collect(Collectors.toList());
        }
        assertTrue(files.size() >= 10, files.toString());
        for (Path p : files) {
            assertFalse(Vectors.fixture(p.getFileName().toString()).isEmpty(), p.toString());
        }
    }
}
