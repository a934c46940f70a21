package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random text (seeded, so a failure repeats) into every entry point of the facade: lone
 * surrogates, non-BMP characters, NUL, hetu- and OID-like fragments, huge inputs. Each call
 * must return or throw an {@link OnrException} with a code; the JVM must never crash and no
 * other exception may escape.
 */
class RobustnessTest {
    private static final long SEED = 20261123L;
    private static final String[] FRAGMENTS = {
        "131052-308T", "010594Y9032", "1.2.246.562.24.", "25909319372", "-", "+", "A", "9", "０", "\u0660",
        "Äyrämö", "Σ", "ß", "Œ", "{", "}", "\"", "[", "]", ":", ",", "null", "henkilot", "\\", " ", "\t", "\n",
    };

    static String randomText(Random r) {
        int kind = r.nextInt(20);
        if (kind == 0) {
            return null;
        }
        int len = kind == 1 ? 20_000 + r.nextInt(80_000) : r.nextInt(kind < 10 ? 14 : 40);
        StringBuilder b = new StringBuilder();
        while (b.length() < len) {
            switch (r.nextInt(8)) {
                case 0: b.append((char) (0xD800 + r.nextInt(0x800))); break; // a surrogate, often lone
                case 1: b.appendCodePoint(0x10000 + r.nextInt(0x100000)); break; // non-BMP
                case 2: b.append((char) r.nextInt(0x80)); break; // ASCII incl. NUL and controls
                case 3: b.append((char) r.nextInt(0x10000)); break; // any UTF-16 unit
                case 4: b.append((char) ('0' + r.nextInt(10))); break;
                default: b.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
            }
        }
        return b.toString();
    }

    /**
     * At most 3000 UTF-16 units: Jaro-Winkler compares every character with a window of half
     * the length, so its time grows with the square of the length.
     */
    static String cut(String s) {
        return s == null || s.length() <= 3000 ? s : s.substring(0, 3000);
    }

    private int calls;
    private int errors;

    /** Runs one call: a result, or an OnrException with a code and messages. */
    <T> void call(String what, Supplier<T> f) {
        calls++;
        try {
            f.get();
        } catch (OnrException e) {
            errors++;
            assertNotNull(e.code(), what);
            assertFalse(e.code().isEmpty(), what);
            assertFalse(e.code().equals("internal.panic"), what + ": " + e.getMessage());
            assertNotNull(e.message(java.util.Locale.forLanguageTag("fi")), what);
        }
    }

    @Test
    void randomTextIntoEveryEntryPoint() {
        Random r = new Random(SEED);
        LocalDate d = LocalDate.of(1990, 1, 1);
        try (LinkRegistry reg = new LinkRegistry(Environment.TEST);
                HetuGenerator hetus = new HetuGenerator(1)) {
            for (int round = 0; round < 300; round++) {
                String a = randomText(r);
                String b = randomText(r);
                String c = randomText(r);
                String ja = cut(a);
                String jb = cut(b);
                String jc = cut(c);
                List<String> jlist = new ArrayList<>();
                jlist.add(ja);
                jlist.add(jb);
                jlist.add(jc);
                Environment env = r.nextBoolean() ? Environment.TEST : Environment.PRODUCTION;
                List<String> list = new ArrayList<>();
                list.add(a);
                list.add(b);
                list.add(c);
                call("Hetu.parse", () -> Hetu.parse(a, env));
                call("Hetu.parseStrict", () -> Hetu.parseStrict(a, env));
                call("Hetu.isValid", () -> Hetu.isValid(a, env));
                call("Hetu.isValidStrict", () -> Hetu.isValidStrict(a, env));
                call("Hetu.validateAll", () -> {
                    HetuResults res = Hetu.validateAll(list, env);
                    assertEquals(3, res.size());
                    for (int i = 0; i < 3; i++) {
                        assertEquals(Hetu.isValid(list.get(i), env), res.isValid(i));
                        if (!res.isValid(i)) {
                            assertNotNull(res.code(i));
                        }
                    }
                    return res;
                });
                call("Hetu.validateAllStrict", () -> Hetu.validateAllStrict(list, env));
                call("Hetu.normalize", () -> Hetu.normalize(a));
                call("Hetu.suggest", () -> Hetu.suggest(a, env, 3));
                call("Hetu.checkCharOf", () -> Hetu.checkCharOf(r.nextInt()));
                call("HetuGenerator", () -> hetus.ordinary(LocalDate.of(1800 + r.nextInt(400), 1, 1)));
                call("Oid.parse", () -> Oid.parse(a));
                call("Oid.parseLenient", () -> Oid.parseLenient(a));
                call("Oid.isValid", () -> Oid.isValid(a));
                call("Oid.validateAll", () -> Oid.validateAll(list));
                call("Oid.of", () -> Oid.of(r.nextLong(), r.nextLong()));
                call("Similarity.trigram", () -> Similarity.trigram(a, b));
                call("Similarity.trigramOnr", () -> Similarity.trigramOnr(a, b));
                call("Similarity.jaroWinkler", () -> Similarity.jaroWinkler(ja, jb));
                call("Similarity.isSimilar", () -> Similarity.isSimilar(ja, jb));
                call("Similarity.trigramAll", () -> Similarity.trigramAll(list, list, r.nextBoolean()));
                call("Similarity.jaroWinklerAll", () -> Similarity.jaroWinklerAll(jlist, jlist));
                call("Names.unaccent", () -> Names.unaccent(a));
                call("Names.lower", () -> Names.lower(a));
                call("Names.duplicateSearchFmt", () -> Names.duplicateSearchFmt(a));
                call("Names.storedSearchString", () -> Names.storedSearchString(a, b, c, d));
                call("Names.querySearchString", () -> Names.querySearchString(a, b, c, null));
                call("NameRules.comparisonForm", () -> NameRules.comparisonForm(a));
                call("NameRules.firstNameTokens", () -> NameRules.firstNameTokens(a));
                call("NameRules.surname", () -> NameRules.ONR.surname(ja, jb));
                call("NameRules.firstNames", () -> NameRules.ONR.firstNames(ja, jb));
                call("NameRules.namesMatch", () -> NameRules.ONR.namesMatch(ja, jb, jc, ja));
                call("NameRules.identification", () -> NameRules.ONR.identification(ja, jb, r.nextBoolean(), jc, ja,
                        List.of(jb == null ? "" : jb)));
                call("DuplicateIndex", () -> {
                    try (DuplicateIndex index = DuplicateIndex.build(List.of(
                            DuplicateIndex.Record.of(a, a, b, c, d), DuplicateIndex.Record.of(b, b, b, a, null)), r.nextDouble())) {
                        index.find(a, b, c, d);
                        index.findText(a);
                        return index.pairs();
                    }
                });
                call("ImportCheck.check", () -> ImportCheck.check(a, env));
                call("ImportCheck.check json", () -> ImportCheck.check(
                        "{\"henkilot\":[{\"henkilo\":{\"hetu\":" + quote(a) + ",\"etunimet\":" + quote(jb) + "}}]}", env));
                call("ImportCheck.checkCsv", () -> ImportCheck.checkCsv(a, env));
                call("ImportCheck.checkCsv rows", () -> ImportCheck.checkCsv(
                        "hetu;etunimet;kansalaisuus;x\n" + a + ";" + b + ";" + c + "\n", env,
                        ImportCheck.CsvOptions.defaults().withDelimiter(';').withEmptyAsEmptyString(r.nextBoolean()).withSahkoposti(c),
                        ImportCheck.Options.defaults()));
                call("LinkRegistry.TableLayout", () -> {
                    java.util.List<String> fields = java.util.Arrays.asList(a, b, c);
                    LinkRegistry.TableLayout.fromHeader(java.util.Arrays.asList(a, "master_oid", "slave_oid", "slave_duplicate"))
                            .readAll(List.of(fields, List.of()));
                    return LinkRegistry.checkTable(fields, List.of(fields));
                });
                call("Person view", () -> Person.of(a).withTurvakielto(true).withKotikunta(b)
                        .withContactGroups(List.of(Person.ContactGroup.of(c, a).withValue(b, c)))
                        .view(Person.Audience.values()[r.nextInt(2)]).savedTurvakielto().contactGroups());
                call("LinkRegistry.insertPerson", () -> {
                    reg.insertPerson(Person.of(a).withHetu(b).withNames(a, b, c).withKaikkiHetut(list));
                    return null;
                });
                call("Person rules", () -> {
                    Person p = Person.of(a).withHetu(b).withBirthDateAndSex(d, c).withYksilointiYritetty(true);
                    p.hasHetu();
                    p.yksilointiTila();
                    p.oppijanumero();
                    p.hetuBirthDate(env);
                    p.hetuSex(env);
                    p.isIncludedIn(Person.Lookup.values()[r.nextInt(Person.Lookup.values().length)]);
                    p.checkReactivation(r.nextBoolean(), r.nextBoolean());
                    return p.saved(env);
                });
                call("LinkRegistry.link", () -> reg.link(a, List.of(b == null ? "" : b)));
                call("LinkRegistry.forceLink", () -> reg.forceLink(b, List.of(c == null ? "" : c)));
                call("LinkRegistry.unlink", () -> reg.unlink(a, b));
                call("LinkRegistry.linkWithVtjHetu", () -> reg.linkWithVtjHetu(a, b));
                call("LinkRegistry.forceUpdateHetu", () -> reg.forceUpdateHetu(a, b));
                call("LinkRegistry.removeDuplicateHetuAndLink", () -> reg.removeDuplicateHetuAndLink(a, b));
                call("LinkRegistry.identifyWithoutHetu", () -> reg.identifyWithoutHetu(a));
                call("LinkRegistry.passivate", () -> reg.passivate(c));
                call("LinkRegistry.queries", () -> {
                    reg.person(a);
                    reg.masterOf(a);
                    reg.slavesOf(a);
                    reg.resolve(a);
                    reg.group(a);
                    reg.linked(a);
                    reg.mastersOf(a);
                    reg.duplicateHenkilos(list);
                    return reg.check();
                });
                call("LinkRegistry.masterPerson", () -> reg.masterPerson(a));
                call("LinkRegistry.oppijanumero", () -> reg.oppijanumero(a));
                call("LinkRegistry.yleistunniste", () -> reg.yleistunniste(a));
                call("LinkRegistry.mastersByOids", () -> reg.mastersByOids(list));
            }
        }
        assertTrue(calls > 10_000, "calls: " + calls);
        assertTrue(errors > 0 && errors < calls, "errors: " + errors + " of " + calls);
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
