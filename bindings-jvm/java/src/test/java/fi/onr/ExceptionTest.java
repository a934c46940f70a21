package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Codes, categories, positions and messages cross unchanged, as the subclass of their module. */
class ExceptionTest {
    private static final Locale FI = Locale.forLanguageTag("fi-FI");
    private static final Locale SV = Locale.forLanguageTag("sv-FI");

    @Test
    void hetuErrorsCarryCodeCategoryPositionAndThreeLanguages() {
        HetuException e = assertThrows(HetuException.class, () -> Hetu.parse("131052-308X", Environment.PRODUCTION));
        assertInstanceOf(OnrException.class, e);
        assertInstanceOf(RuntimeException.class, e);
        assertEquals("hetu.checksum", e.code());
        assertEquals(Category.CHECKSUM, e.category());
        assertEquals(OptionalInt.of(10), e.position());
        assertEquals("wrong check character, expected `T`, found `X`", e.getMessage());
        assertEquals(e.getMessage(), e.message(Locale.ENGLISH));
        assertEquals(e.getMessage(), e.message(Locale.GERMAN));
        assertEquals(e.getMessage(), e.message(null));
        assertEquals("väärä tarkistusmerkki, odotettiin `T`, löytyi `X`", e.message(FI));
        assertTrue(e.message(SV).startsWith("fel kontrolltecken"), e.message(SV));
        // The trace starts at the public method that was called, not in the glue under it.
        assertEquals(Hetu.class.getName(), firstNonJunitFrame(e));
    }

    @Test
    void eachCategoryArrives() {
        assertEquals(Category.LENGTH, catchHetu("").category());
        assertEquals(OptionalInt.empty(), catchHetu("").position());
        assertEquals(Category.LENGTH, catchHetu("123").category());
        assertEquals(Category.FORMAT, catchHetu("13105X-308T").category());
        assertEquals(Category.COMPONENT, catchHetu("131352-308T").category());
        assertEquals(Category.CHECKSUM, catchHetu("131052-308X").category());
        assertEquals(Category.POLICY, catchHetu("010190-900P").category());
        OidException o = assertThrows(OidException.class, () -> Oid.parse("1.2.246.562.24.25909319373"));
        assertEquals("oid.checksum", o.code());
        assertEquals(Category.CHECKSUM, o.category());
        assertFalse(o.message(FI).isEmpty());
    }

    @Test
    void messagesNeverContainTheInput() {
        for (String input : new String[] {"131052-308X", "131052-308", "310490-123D", "010190-900P"}) {
            for (Environment env : Environment.values()) {
                try {
                    Hetu.parseStrict(input, env);
                } catch (HetuException e) {
                    for (Locale l : new Locale[] {Locale.ENGLISH, FI, SV}) {
                        assertFalse(e.message(l).contains(input.substring(0, 6)), e.message(l));
                    }
                    assertFalse(e.toString().contains(input.substring(7)), e.toString());
                }
            }
        }
    }

    @Test
    void everyModuleHasItsSubclass() {
        assertInstanceOf(HetuException.class, catchHetu(""));
        assertInstanceOf(OidException.class, assertThrows(OnrException.class, () -> Oid.parse("")));
        assertInstanceOf(SimilarityException.class,
                assertThrows(OnrException.class, () -> DuplicateIndex.fromTexts(List.of("a"), List.of(), 0.5)));
        OnrException t = assertThrows(OnrException.class, () -> DuplicateIndex.fromTexts(List.of("a"), List.of("x"), 2.0));
        assertInstanceOf(SimilarityException.class, t);
        assertEquals("similarity.threshold", t.code());
        assertInstanceOf(ImportException.class, assertThrows(OnrException.class, () -> ImportCheck.check("[", Environment.TEST)));
    }

    @Test
    void junkInputIsAnExceptionWithACodeNeverAPanic() {
        String[] junk = {"\0", "\0\0\0\0\0\0\0\0\0\0\0", "１３１０５２－３０８Ｔ", "🙂🙂🙂🙂🙂", "a".repeat(10_000), "\uFEFF131052-308T",
            "\n", "131052\u0000308T", "ÅÄÖåäö12345"};
        for (String s : junk) {
            for (Environment env : Environment.values()) {
                assertFalse(Hetu.isValid(s, env));
                assertTrue(catchHetu(s).code().startsWith("hetu."));
                assertFalse(Oid.isValid(s));
                assertTrue(assertThrows(OidException.class, () -> Oid.parse(s)).code().startsWith("oid."));
            }
        }
    }

    private static HetuException catchHetu(String input) {
        return assertThrows(HetuException.class, () -> Hetu.parse(input, Environment.PRODUCTION));
    }

    private static String firstNonJunitFrame(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith("fi.onr")) {
                return f.getClassName().replaceAll("\\$.*", "");
            }
        }
        return "";
    }
}
