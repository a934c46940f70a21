package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.onr.ffi.Onr_jvmKt;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A native panic (the test-only export {@code panicForTest}, cargo feature {@code test-hooks})
 * becomes an {@link InternalException} with onr-core's fixed text and no cause, the JVM carries
 * on, and the panic hook prints neither the panic's message nor a backtrace.
 */
class PanicTest {
    /** Looks like personal data on purpose: it must never come out. */
    private static final String SECRET = "131052-308T Testi Äijälä";

    @Test
    void aNativePanicIsAnInternalExceptionWithFixedText() {
        for (int i = 0; i < 3; i++) {
            InternalException e = assertThrows(InternalException.class, () -> Ffi.call(() -> Onr_jvmKt.panicForTest(SECRET)));
            assertEquals("internal.panic", e.code());
            assertEquals(Category.INTERNAL, e.category());
            assertEquals("internal error in onr (a bug, please report it)", e.getMessage());
            assertTrue(e.message(Locale.forLanguageTag("fi")).startsWith("sisäinen virhe"), e.message(Locale.forLanguageTag("fi")));
            assertNull(e.getCause(), "the panic's message is in UniFFI's exception: it is not kept");
            assertFalse(e.toString().contains("131052"), e.toString());
            for (StackTraceElement f : e.getStackTrace()) {
                assertFalse(f.toString().contains("131052"));
            }
        }
        // The library still works after the panics.
        assertTrue(Hetu.isValid("131052-308T", Environment.PRODUCTION));
    }

    @Test
    void thePanicHookPrintsAFixedNoteNeverTheMessageOrABacktrace() throws Exception {
        NativeLibrary.ensureLoaded();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        // The library this JVM loaded (NativeLibrary sets the property when it loads it).
        command.add("-D" + NativeLibrary.OVERRIDE_PROPERTY + "=" + System.getProperty(NativeLibrary.OVERRIDE_PROPERTY));
        command.add(Child.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("RUST_BACKTRACE", "full");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("child: internal.panic"), out);
        assertTrue(out.contains("onr: internal error at "), out);
        assertTrue(out.contains("the panic's message is withheld"), out);
        assertFalse(out.contains("131052"), out);
        assertFalse(out.contains("Äijälä"), out);
        assertFalse(out.contains("stack backtrace"), out);
        assertFalse(out.contains("panicked at"), out);
    }

    /** Panics once in a fresh JVM, so its whole output can be read. */
    public static final class Child {
        public static void main(String[] args) {
            try {
                Ffi.call(() -> Onr_jvmKt.panicForTest(SECRET));
            } catch (OnrException e) {
                System.out.println("child: " + e.code());
            }
        }
    }
}
