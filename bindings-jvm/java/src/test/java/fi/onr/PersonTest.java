package fi.onr;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Person}: the rules of one record, with the examples of onr-core's docs. */
class PersonTest {
    static final String OID = "1.2.246.562.24.10000000003";

    @Test
    void identificationAndOppijanumero() {
        Person p = Person.of(OID);
        assertFalse(p.hasHetu());
        assertEquals(Person.YksilointiTila.HETU_PUUTTUU, p.yksilointiTila());
        assertEquals(Optional.empty(), p.oppijanumero());
        Person h = p.withHetu("010190-998V");
        assertTrue(h.hasHetu());
        assertEquals(Person.YksilointiTila.KESKEN, h.yksilointiTila());
        assertEquals(Person.YksilointiTila.VIRHE, h.withYksilointiYritetty(true).yksilointiTila());
        Person vtj = h.withYksiloityVtj(true);
        assertTrue(vtj.isStronglyIdentified());
        assertTrue(vtj.isIdentifiedByAnyMethod());
        assertTrue(vtj.countsAsIdentifiedForLinking());
        assertEquals(Optional.of(OID), vtj.oppijanumero());
        assertEquals(Person.YksilointiTila.OK, vtj.yksilointiTila());
        assertFalse(vtj.toString().contains("010190"));
    }

    @Test
    void savingDerivesBirthDateAndSexFromAValidHetu() {
        Person p = Person.of(OID).withHetu("190198-5259").withBirthDateAndSex(null, "2");
        assertEquals(Optional.of(LocalDate.of(1998, 1, 19)), p.hetuBirthDate(Environment.PRODUCTION));
        assertEquals(Optional.of(Sex.MALE), p.hetuSex(Environment.PRODUCTION));
        Person saved = p.saved(Environment.PRODUCTION);
        assertEquals(Optional.of("1"), saved.sukupuoli());
        assertEquals(Optional.of(LocalDate.of(1998, 1, 19)), saved.syntymaaika());
        // A temporary hetu derives nothing in production.
        Person temporary = Person.of(OID).withHetu("010594Y9032");
        assertEquals(Optional.empty(), temporary.hetuBirthDate(Environment.PRODUCTION));
        assertEquals(Optional.of(LocalDate.of(1994, 5, 1)), temporary.hetuBirthDate(Environment.TEST));
        assertEquals(Optional.empty(), Person.of(OID).withHetu("").saved(Environment.PRODUCTION).hetu());
    }

    @Test
    void lookupsAndReactivation() {
        Person passive = Person.of(OID).withFlags(true, false);
        assertFalse(passive.isIncludedIn(Person.Lookup.DUPLICATE_SEARCH));
        assertTrue(passive.isIncludedIn(Person.Lookup.BY_HETU));
        assertFalse(passive.isIncludedIn(Person.Lookup.NAME_SEARCH));
        assertTrue(passive.isIncludedIn(Person.Lookup.NAME_SEARCH_WITH_PASSIVE));
        Person duplicate = Person.of(OID).withFlags(false, true);
        assertTrue(duplicate.isIncludedIn(Person.Lookup.NAME_SEARCH));
        assertFalse(duplicate.isIncludedIn(Person.Lookup.SEARCH_TERM));

        PersonException e = assertThrows(PersonException.class, () -> passive.checkReactivation(false, false));
        assertEquals("person.reactivation_forbidden", e.code());
        assertTrue(e.message(Locale.forLanguageTag("fi")).length() > 0);
        assertDoesNotThrow(() -> passive.checkReactivation(false, true));
        assertDoesNotThrow(() -> passive.checkReactivation(null, false));
        assertTrue(Person.of(OID).withTurvakielto(true).isTurvakielto());
    }
}
