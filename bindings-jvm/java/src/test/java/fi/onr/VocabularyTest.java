package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.onr.ffi.Onr_jvmKt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every enum of the facade that restates an onr-core vocabulary carries onr-core's names, in
 * onr-core's order ({@code NAMES}): a name added, renamed or reordered on either side fails here.
 */
class VocabularyTest {
    private static <E extends Enum<E>> List<String> names(Class<E> type, Function<E, String> name) {
        return Arrays.stream(type.getEnumConstants()).map(name).toList();
    }

    private static List<String> native_(Ffi.Call<List<String>> call) {
        return Ffi.call(call);
    }

    @Test
    void personVocabulariesAreOnrCores() {
        assertEquals(native_(Onr_jvmKt::personLookupNames), names(Person.Lookup.class, Person.Lookup::code));
        assertEquals(native_(Onr_jvmKt::personAudienceNames), names(Person.Audience.class, Person.Audience::code));
        assertEquals(native_(Onr_jvmKt::personActorNames), names(Person.Actor.class, Person.Actor::code));
        assertEquals(native_(Onr_jvmKt::personYksilointiTilaNames), names(Person.YksilointiTila.class, Enum::name));
        // Each constant's code is its name in lower case (the Java spelling of onr-core's name).
        for (Person.Lookup l : Person.Lookup.values()) {
            assertEquals(l.name().toLowerCase(Locale.ROOT), l.code());
        }
    }

    @Test
    void hetuAndErrorVocabulariesAreOnrCores() {
        assertEquals(native_(Onr_jvmKt::hetuEditNames), names(Suggestion.Edit.class, Suggestion.Edit::code));
        assertEquals(native_(Onr_jvmKt::hetuRuleSetNames), names(HetuRules.class, HetuRules::code));
        assertEquals(native_(Onr_jvmKt::langNames), names(Lang.class, l -> l.name().toLowerCase(Locale.ROOT)));
        // onr-core's categories, network (onr-client's errors) among them.
        List<String> categories = native_(Onr_jvmKt::categoryNames);
        assertTrue(categories.contains("network"));
        assertEquals(categories, names(Category.class, c -> c.name().toLowerCase(Locale.ROOT)));
        for (String name : native_(Onr_jvmKt::categoryNames)) {
            assertEquals(name, Category.of(name).name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void anUnknownNameIsOnrCoresError() {
        Person p = Person.of("1.2.246.562.24.10000000003");
        PersonException e = assertThrows(PersonException.class,
                () -> Ffi.call(() -> Onr_jvmKt.personIncludedIn(p.ffi(), "by_name")));
        assertEquals("person.unknown_name", e.code());
        assertEquals(Category.FORMAT, e.category());
    }
}
