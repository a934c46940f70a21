package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Person#view}, {@link Person#savedTurvakielto} and the contact fields: what each
 * audience is shown of a person under turvakielto (onr-core's {@code Person::view} examples).
 */
class PersonViewTest {
    static final String OID = "1.2.246.562.24.10000000003";

    static Person withContacts(boolean turvakielto) {
        return Person.of(OID)
                .withTurvakielto(turvakielto)
                .withKotikunta("493")
                .withContactGroups(List.of(
                        Person.ContactGroup.of("yhteystietotyyppi4", "alkupera1").withReadOnly(true)
                                .withValue("YHTEYSTIETO_KATUOSOITE", "Testitie 1"),
                        Person.ContactGroup.of("yhteystietotyyppi2", "alkupera2")
                                .withValue("YHTEYSTIETO_SAHKOPOSTI", "a@example.fi")
                                .withValue("YHTEYSTIETO_PUHELINNUMERO", null)));
    }

    @Test
    void contactFieldsCrossUnchanged() {
        Person p = withContacts(false);
        assertEquals(Optional.of("493"), p.kotikunta());
        List<Person.ContactGroup> g = p.contactGroups();
        assertEquals(2, g.size());
        assertEquals(Optional.of("yhteystietotyyppi4"), g.get(0).ryhmaKuvaus());
        assertEquals("alkupera1", g.get(0).alkupera());
        assertTrue(g.get(0).isReadOnly());
        assertFalse(g.get(1).isReadOnly());
        assertEquals(List.of("YHTEYSTIETO_SAHKOPOSTI", "YHTEYSTIETO_PUHELINNUMERO"), g.get(1).types());
        assertEquals(Optional.of("a@example.fi"), g.get(1).value(0));
        assertEquals(Optional.empty(), g.get(1).value(1));
        assertFalse(g.get(1).toString().contains("a@example.fi"));
        assertEquals(Optional.empty(), Person.ContactGroup.of(null, "alkupera2").ryhmaKuvaus());
        // A save keeps them (no turvakielto), and so does a later change of another field.
        Person saved = p.saved(Environment.PRODUCTION).withNames("A", "A", "B");
        assertEquals(Optional.of("493"), saved.kotikunta());
        assertEquals(2, saved.contactGroups().size());
    }

    @Test
    void consumerUnderTurvakieltoLosesKotikuntaAndVtjGroups() {
        Person shown = withContacts(true).view(Person.Audience.CONSUMER);
        assertEquals(Optional.empty(), shown.kotikunta());
        assertEquals(1, shown.contactGroups().size());
        assertEquals("alkupera2", shown.contactGroups().get(0).alkupera());
        assertEquals(Optional.of("a@example.fi"), shown.contactGroups().get(0).value(0));
        assertTrue(shown.isTurvakielto());
    }

    @Test
    void guardianUnderTurvakieltoLosesEveryGroupButStillSeesKotikunta() {
        Person shown = withContacts(true).view(Person.Audience.GUARDIAN);
        assertEquals(Optional.of("493"), shown.kotikunta());
        assertEquals(List.of(), shown.contactGroups());
    }

    @Test
    void withoutTurvakieltoEveryAudienceSeesEverything() {
        Person p = withContacts(false);
        for (Person.Audience a : Person.Audience.values()) {
            Person shown = p.view(a);
            assertEquals(Optional.of("493"), shown.kotikunta(), a.name());
            assertEquals(2, shown.contactGroups().size(), a.name());
        }
    }

    @Test
    void theTurvakieltoSaveHookDeletesVtjGroupsOnly() {
        Person hooked = withContacts(true).savedTurvakielto();
        assertEquals(Optional.of("493"), hooked.kotikunta());
        assertEquals(1, hooked.contactGroups().size());
        assertEquals("alkupera2", hooked.contactGroups().get(0).alkupera());
        // Part of every save.
        assertEquals(1, withContacts(true).saved(Environment.PRODUCTION).contactGroups().size());
        // Without turvakielto nothing goes.
        assertEquals(2, withContacts(false).savedTurvakielto().contactGroups().size());
    }

    @Test
    void contactGroupsSurviveARegistryRoundTrip() {
        try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
            reg.insertPerson(withContacts(true));
            Person back = reg.person(OID).orElseThrow();
            assertEquals(Optional.of("493"), back.kotikunta());
            assertEquals(2, back.contactGroups().size());
        }
    }
}
