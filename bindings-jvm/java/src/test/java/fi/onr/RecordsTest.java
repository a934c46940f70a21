package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The value classes are records: equality by value, validation on construction, no hetu in toString. */
class RecordsTest {
    @Test
    void changeFeedValues() {
        assertEquals(new ChangeFeedTracker.Entry("S", "M"), new ChangeFeedTracker.Entry("S", "M"));
        assertEquals(new ChangeFeedTracker.Entry("", ""), new ChangeFeedTracker.Entry(null, null));
        assertEquals("\uFFFD", new ChangeFeedTracker.Entry("\uD800", "M").oid());
        try (ChangeFeedTracker t = new ChangeFeedTracker(Map.of("S", "S"))) {
            List<ChangeFeedTracker.Repointed> r = t.apply(List.of(new ChangeFeedTracker.Entry("S", "M")));
            assertEquals(List.of(new ChangeFeedTracker.Repointed("S", "S", "M")), r);
            assertEquals("Repointed(S, S -> M)", r.get(0).toString());
            assertEquals(r.get(0).hashCode(), new ChangeFeedTracker.Repointed("S", "S", "M").hashCode());
        }
        assertThrows(NullPointerException.class, () -> new ChangeFeedTracker.Repointed("S", null, "M"));
    }

    @Test
    void linkRegistryValues() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("M").withYksiloityVtj(true));
            reg.insertPerson(Person.of("S"));
            LinkRegistry.Outcome o = reg.link("M", List.of("S"));
            assertEquals(List.of(new LinkRegistry.Link("M", "S")), o.linksCreated());
            assertEquals("M -> S", o.linksCreated().get(0).toString());
            LinkRegistry.Outcome same = new LinkRegistry.Outcome(o.master(), o.slaves(), o.saved(), o.changeFeed(), o.lints(),
                    o.linksCreated(), o.linksDeleted(), o.accountsPassivated());
            assertEquals(o, same);
            assertEquals(o.hashCode(), same.hashCode());
            assertThrows(UnsupportedOperationException.class, () -> o.slaves().add("X"));
            LinkRegistry.Yleistunniste y = reg.yleistunniste("S");
            assertEquals(new LinkRegistry.Yleistunniste("S", Optional.of("M"), y.passivoitu(), List.of("M")), y);
            assertEquals(y.passivoitu(), y.isPassivoitu());
        }
        List<String> oids = new ArrayList<>(List.of("A", "B"));
        LinkRegistry.Violation v = new LinkRegistry.Violation("chain", oids);
        oids.add("C");
        assertEquals(List.of("A", "B"), v.oids());
        assertEquals("chain[A, B]", v.toString());
        assertEquals(v, new LinkRegistry.Violation("chain", List.of("A", "B")));
        assertThrows(NullPointerException.class, () -> new LinkRegistry.Link(null, "S"));
    }

    @Test
    void tableValues() {
        LinkRegistry.TableRow row = LinkRegistry.TableRow.of("M", "S").withFlags(null, true, null, null);
        assertEquals(Optional.of(true), row.masterDuplicate());
        assertEquals(Optional.empty(), row.masterPassivoitu());
        assertEquals(row, new LinkRegistry.TableRow("M", "S", Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty()));
        assertNotEquals(row, LinkRegistry.TableRow.of("M", "S"));
        assertEquals("M -> S", row.toString());
        assertThrows(NullPointerException.class,
                () -> new LinkRegistry.TableRow("M", "S", null, Optional.empty(), Optional.empty(), Optional.empty()));
        LinkRegistry.TableLayout layout = LinkRegistry.TableLayout.fromHeader(List.of("master_oid", "slave_oid", "master_duplicate"));
        LinkRegistry.TableLayout.Read read = layout.readAll(List.of(List.of("M", "S", "t"), List.of("M", "")));
        assertEquals(List.of(row), read.rows());
        assertEquals(List.of(1), new ArrayList<>(read.errors().keySet()));
        assertEquals("link.table.empty_oid", read.errors().get(1).code());
        TreeMap<Integer, LinkException> errors = new TreeMap<>(read.errors());
        assertEquals(read, new LinkRegistry.TableLayout.Read(read.rows(), errors));
        errors.clear();
        assertEquals(1, new LinkRegistry.TableLayout.Read(read.rows(), read.errors()).errors().size());
    }

    @Test
    void suggestionsAndWarningsNeverPrintTheHetu() {
        List<Suggestion> s = Hetu.suggest("131052-380T", Environment.PRODUCTION, 5);
        assertFalse(s.isEmpty());
        Suggestion first = s.get(0);
        assertEquals(Suggestion.Edit.TRANSPOSITION, first.edit());
        assertEquals(new Suggestion(first.hetu(), first.edit(), first.position()), first);
        assertEquals("Suggestion(TRANSPOSITION at " + first.position() + ")", first.toString());
        for (Suggestion x : s) {
            assertFalse(x.toString().contains("131052"), x.toString());
            assertFalse(x.toString().contains(x.hetu().canonical().substring(0, 6)), x.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> new Suggestion(first.hetu(), Suggestion.Edit.NORMALIZED, 3));
        assertThrows(IllegalArgumentException.class, () -> new Suggestion(first.hetu(), Suggestion.Edit.SUBSTITUTION, 11));
        assertThrows(NullPointerException.class, () -> new Suggestion(null, Suggestion.Edit.NORMALIZED, -1));

        Hetu clamped = Hetu.parse("310490-123D", Environment.PRODUCTION);
        Warning w = clamped.warnings().get(0);
        assertEquals("hetu.warning.date_clamped", w.toString());
        assertEquals(w, new Warning(w.code(), w.category(), w.messageEn(), w.messageFi(), w.messageSv()));
        assertTrue(w.message(java.util.Locale.forLanguageTag("fi")).equals(w.messageFi()));
        assertFalse(w.messageEn().contains("310490"));
    }
}
