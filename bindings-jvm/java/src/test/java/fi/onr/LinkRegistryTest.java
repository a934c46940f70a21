package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkRegistryTest {
    @Test
    void linkAndUnlinkWithOnrsRules() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("M"));
            reg.insertPerson(Person.of("S").withNames("Aino Maria", "Aino", "Virtanen"));
            LinkRegistry.Outcome o = reg.link("M", List.of("S"));
            assertEquals("M", o.master());
            assertEquals(List.of("S"), o.slaves());
            assertEquals(Optional.of("M"), reg.masterOf("S"));
            assertEquals(List.of("S"), reg.slavesOf("M"));
            Person s = reg.person("S").orElseThrow();
            assertTrue(s.isDuplicate());
            assertTrue(s.isPassivoitu());
            assertEquals("Aino", s.kutsumanimi());
            reg.unlink("M", "S");
            assertFalse(reg.person("S").orElseThrow().isDuplicate());
            assertTrue(reg.person("nobody").isEmpty());
        }
    }

    @Test
    void theIdentifiedPersonBecomesMaster() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("A"));
            reg.insertPerson(Person.of("B").withHetu("170498-993H"));
            LinkRegistry.Outcome o = reg.link("A", List.of("B"));
            assertEquals("B", o.master());
            assertEquals(List.of("A"), o.slaves());
        }
    }

    @Test
    void refusalsAreLinkExceptionsAndChangeNothing() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(Person.of("A").withHetu("170498-993H"));
            reg.insertPerson(Person.of("B").withHetu("010594Y9032"));
            LinkException e = assertThrows(LinkException.class, () -> reg.link("A", List.of("B")));
            assertTrue(e.code().startsWith("link."), e.code());
            assertFalse(reg.person("B").orElseThrow().isDuplicate());
            assertTrue(reg.masterOf("B").isEmpty());
        }
    }
}
