package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every {@code null} argument has its one documented answer (package documentation): a value
 * (the empty input, SQL NULL, English) or a {@link NullPointerException} naming the argument,
 * thrown on entry; never a {@code NullPointerException} from inside the facade.
 */
class NullArgumentsTest {
    @Test
    void hetuAnswersNullsAsDocumented() {
        // A null input is the empty input.
        assertFalse(Hetu.isValid(null));
        assertFalse(Hetu.isValid(null, Environment.TEST));
        assertFalse(HetuValidator.official(Environment.TEST).isValid(null));
        assertEquals("hetu.empty", assertThrows(HetuException.class, () -> Hetu.parse(null)).code());
        assertEquals("hetu.empty", HetuValidator.onr(Environment.PRODUCTION).many(java.util.Arrays.asList("131052-308T", null)).get(1).code());
        // A null environment is refused on entry, whatever the method (it used to be a
        // NullPointerException from inside parse and production rules in isValid).
        for (Runnable call : List.<Runnable>of(
                () -> Hetu.parse("131052-308T", null),
                () -> Hetu.isValid("131052-308T", null),
                () -> Hetu.isValid("x".repeat(100), null),
                () -> Hetu.parseStrict("131052-308T", null),
                () -> Hetu.isValidStrict("131052-308T", null),
                () -> Hetu.validateAll(List.of("131052-308T"), null),
                () -> HetuValidator.onr(null),
                () -> new HetuValidator(null, Environment.TEST))) {
            NullPointerException e = assertThrows(NullPointerException.class, call::run);
            assertTrue(e.getMessage().matches("(env|rules) must not be null"), e.getMessage());
        }
    }

    /** Sample non-null arguments by type. */
    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(String.class, "131052-308T"),
            Map.entry(Environment.class, Environment.PRODUCTION),
            Map.entry(HetuRules.class, HetuRules.ONR),
            Map.entry(List.class, List.of("131052-308T")),
            Map.entry(LocalDate.class, LocalDate.of(2000, 1, 1)),
            Map.entry(Locale.class, Locale.ENGLISH),
            Map.entry(Object.class, "x"),
            Map.entry(int.class, 3),
            Map.entry(long.class, 3L),
            Map.entry(float.class, 0.5f),
            Map.entry(double.class, 0.5),
            Map.entry(boolean.class, false));

    @Test
    void noNullArgumentIsANullPointerExceptionFromInside() throws Exception {
        Map<Class<?>, Object> receivers = Map.of(
                Hetu.class, Hetu.parse("131052-308T"),
                HetuValidator.class, HetuValidator.official(Environment.TEST),
                Oid.class, Oid.parse("1.2.246.562.24.25909319372"),
                Names.class, "static only",
                Similarity.class, "static only",
                NameRules.class, NameRules.ONR,
                TrigramSet.class, TrigramSet.of("x"));
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Class<?>, Object> entry : receivers.entrySet()) {
            for (Method m : entry.getKey().getDeclaredMethods()) {
                boolean isStatic = Modifier.isStatic(m.getModifiers());
                Object receiver = isStatic ? null : entry.getValue();
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || (!isStatic && !entry.getKey().isInstance(receiver))) {
                    continue;
                }
                Object[] args = samples(m.getParameterTypes());
                if (args == null) {
                    continue;
                }
                for (int i = 0; i < args.length; i++) {
                    if (m.getParameterTypes()[i].isPrimitive()) {
                        continue;
                    }
                    Object[] withNull = args.clone();
                    withNull[i] = null;
                    checked++;
                    try {
                        m.invoke(receiver, withNull);
                    } catch (InvocationTargetException e) {
                        Throwable t = e.getCause();
                        if (t instanceof NullPointerException && !String.valueOf(t.getMessage()).endsWith(" must not be null")) {
                            failures.add(m + " with argument " + i + " null: " + t);
                        } else if (!(t instanceof NullPointerException || t instanceof OnrException || t instanceof IllegalArgumentException)) {
                            failures.add(m + " with argument " + i + " null: " + t);
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        assertTrue(checked > 40, "checked " + checked);
    }

    private static Object[] samples(Class<?>[] types) {
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == TrigramSet.class) {
                out[i] = TrigramSet.of("y");
            } else if (!SAMPLES.containsKey(types[i])) {
                return null;
            } else {
                out[i] = SAMPLES.get(types[i]);
            }
        }
        return out;
    }
}
