package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link LinkRegistry}: ONR's hetu operations, the other operations and the queries. */
class LinkRegistryHetuTest {
    static final String HETU = "200198-7484";

    @Test
    void vtjIdentificationWithAHetu() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("X").withHetu(HETU));
            LinkRegistry.Outcome o = reg.linkWithVtjHetu("X", HETU);
            assertEquals("X", o.master());
            assertTrue(reg.person("X").orElseThrow().isYksiloityVtj());
            LinkException e = assertThrows(LinkException.class, () -> reg.linkWithVtjHetu("nobody", HETU));
            assertEquals("link.person_not_found", e.code());
            assertFalse(e.getMessage().contains(HETU));
        }
    }

    @Test
    void forcedHetuUpdateLinksTheFormerHolder() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("NEW"));
            reg.insertPerson(Person.of("OLD").withHetu(HETU));
            LinkRegistry.Outcome o = reg.forceUpdateHetu("NEW", HETU);
            assertEquals("NEW", o.master());
            assertEquals(Optional.of("NEW"), reg.masterOf("OLD"));
            assertTrue(o.linksCreated().contains(new LinkRegistry.Link("NEW", "OLD")));
            assertEquals(List.of(new LinkRegistry.Link("NEW", "OLD")), reg.links());
        }
    }

    @Test
    void duplicateHetuMovesWithItsHistory() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("N"));
            reg.insertPerson(Person.of("E").withHetu("hetu").withKaikkiHetut(List.of("hetu1", "hetu2")).withYksiloityVtj(true));
            assertEquals(List.of("hetu1", "hetu2"), reg.person("E").orElseThrow().kaikkiHetut());
            reg.removeDuplicateHetuAndLink("N", "hetu");
            assertEquals(2, reg.person("N").orElseThrow().kaikkiHetut().size());
            assertEquals(Optional.of("N"), reg.masterOf("E"));
        }
    }

    @Test
    void identificationWithoutHetuKeepsTheLinkWithALint() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("M"));
            reg.insertPerson(Person.of("S"));
            reg.link("M", List.of("S"));
            LinkRegistry.Outcome o = reg.identifyWithoutHetu("S");
            assertFalse(reg.person("S").orElseThrow().isDuplicate());
            assertEquals(Optional.of("M"), reg.masterOf("S"));
            assertEquals(1, o.lints().size());
            assertThrows(LinkException.class, () -> reg.identifyWithoutHetu("nobody"));
        }
    }

    @Test
    void passivation() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("P"));
            LinkRegistry.Outcome o = reg.passivate("P");
            assertTrue(reg.person("P").orElseThrow().isPassivoitu());
            assertEquals(List.of("P"), o.accountsPassivated());
        }
    }

    @Test
    void queriesOverTheLinks() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.addLink("M", "S1");
            reg.addLink("M", "S2");
            assertEquals(2, reg.linkCount());
            assertEquals(0, reg.personCount());
            assertEquals("M", reg.resolve("S2"));
            assertEquals("X", reg.resolve("X"));
            assertEquals(List.of("M", "S1", "S2"), reg.group("S1"));
            assertEquals(List.of("M"), reg.mastersOf("S1"));
            // The whole group of a slave: its master's slaves.
            assertEquals(List.of(new LinkRegistry.Link("M", "S1"), new LinkRegistry.Link("M", "S2")),
                    reg.duplicateHenkilos(List.of("S1")));
            assertEquals(2, reg.duplicateHenkilos(null).size());
            assertTrue(reg.duplicateHenkilos(List.of()).isEmpty());
            reg.insertPerson(Person.of("M").withYksiloity(true));
            reg.insertPerson(Person.of("S1").withFlags(true, true));
            reg.insertPerson(Person.of("S2").withFlags(true, true));
            assertEquals(Optional.of("M"), reg.oppijanumero("S1"));
            assertEquals("M", reg.masterPerson("S2").oid());
            LinkRegistry.Yleistunniste y = reg.yleistunniste("S1");
            assertEquals(Optional.of("M"), y.oppijanumero());
            assertTrue(y.isPassivoitu());
            assertEquals(List.of("M", "S2"), y.linked());
            assertEquals(List.of(new LinkRegistry.Link("M", "S1"), new LinkRegistry.Link("M", "M")),
                    reg.mastersByOids(List.of("S1", "M", "none")));
            assertTrue(reg.check().isEmpty(), reg.check().toString());
            reg.addLink("A", "A");
            LinkRegistry.Violation v = reg.check().get(0);
            assertEquals("self_link", v.kind());
            assertEquals(List.of("A"), v.oids());
        }
    }

    @Test
    void linkTablesFromElsewhere() {
        List<LinkRegistry.Violation> v = LinkRegistry.checkTable(List.of(
                LinkRegistry.TableRow.of("M", "S").withFlags(false, false, true, true),
                LinkRegistry.TableRow.of("S", "T")));
        List<String> kinds = new java.util.ArrayList<>();
        for (LinkRegistry.Violation x : v) {
            kinds.add(x.kind());
        }
        // S is a slave (flagged) and a master: a chain, and a master that is passivated and duplicate.
        assertEquals(List.of("chain", "master_passivated", "master_duplicate"), kinds);
        assertTrue(LinkRegistry.checkTable(List.of(LinkRegistry.TableRow.of("M", "S"))).isEmpty());
    }

    @Test
    void changeFeedRepointsLocalRecords() {
        try (ChangeFeedTracker t = new ChangeFeedTracker(java.util.Map.of("S", "S", "T", "S"))) {
            assertEquals(Optional.of("S"), t.masterOf("T"));
            List<ChangeFeedTracker.Repointed> r = t.apply(List.of(new ChangeFeedTracker.Entry("S", "M")));
            assertTrue(r.contains(new ChangeFeedTracker.Repointed("S", "S", "M")), r.toString());
            assertEquals(Optional.of("M"), t.masterOf("S"));
            assertEquals(Optional.of("M"), t.masterOf("T"));
            assertEquals(Optional.empty(), t.masterOf("unknown"));
        }
    }
}
