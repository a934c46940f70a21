package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.onr.ffi.NativeException;
import fi.onr.ffi.Onr_jvmKt;
import fi.onr.ffi.Problem;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A native panic (the test-only export {@code panicForTest}, cargo feature {@code test-hooks})
 * is caught by the crate's {@code shielded} before UniFFI sees it and arrives as onr-core's
 * native error {@code internal.panic}, an {@link InternalException} with fixed text and no
 * cause; UniFFI's own panic path ({@code fi.onr.ffi.InternalException}, which carries the
 * panic's text) is not taken. {@code Ffi.call}'s last guard still covers a panic outside the
 * shield ({@code unshieldedPanicForTest}). The JVM carries on, and the panic hook prints
 * neither the panic's message nor a backtrace.
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
    void theShieldAnswersBeforeUniffiDoes() {
        // Straight from the generated bindings, without the facade: the native error of one
        // shape, never UniFFI's InternalException with the panic's text.
        Exception e = assertThrows(Exception.class, () -> Onr_jvmKt.panicForTest(SECRET));
        assertEquals(NativeException.Failed.class, e.getClass(), e.getClass().getName());
        Problem p = ((NativeException.Failed) e).getProblem();
        assertEquals("internal.panic", p.getCode());
        assertEquals("internal", p.getCategory());
        assertEquals("internal error in onr (a bug, please report it)", p.getMessageEn());
        assertNull(e.getCause());
        assertFalse(String.valueOf(e.getMessage()).contains("131052"), e.getMessage());
        assertFalse(p.toString().contains("131052"), p.toString());
    }

    @Test
    void theLastGuardStillDropsUniffisPanicText() {
        // Outside the shield UniFFI reports the panic with its text...
        Exception raw = assertThrows(Exception.class, () -> Onr_jvmKt.unshieldedPanicForTest(SECRET));
        assertEquals(fi.onr.ffi.InternalException.class, raw.getClass());
        assertTrue(String.valueOf(raw.getMessage()).contains("131052"), "UniFFI's text is the panic's (the reason for the shield)");
        // ...and Ffi.call still turns that into fixed text without the cause.
        InternalException e = assertThrows(InternalException.class, () -> Ffi.call(() -> Onr_jvmKt.unshieldedPanicForTest(SECRET)));
        assertEquals("internal.panic", e.code());
        assertNull(e.getCause());
        assertFalse(e.toString().contains("131052"), e.toString());
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
