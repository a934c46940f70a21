package fi.onr;

import java.util.List;
import java.util.Optional;

/**
 * The fields of an ONR person that the link rules read and change. Immutable; build one with
 * {@link #of(String)} and the {@code with...} methods.
 *
 * <pre>{@code
 * Person p = Person.of("1.2.246.562.24.10000000003").withHetu("170498-993H").withYksiloityVtj(true);
 * }</pre>
 */
public final class Person {
    private final fi.onr.ffi.PersonValue v;

    private Person(fi.onr.ffi.PersonValue v) {
        this.v = v;
    }

    /** A person with only an OID: no hetu, no names, no flags. */
    public static Person of(String oid) {
        return new Person(new fi.onr.ffi.PersonValue(Text.wellFormed(oid), null, "", "", "", null, List.of(), false, false, false, false, false, List.of()));
    }

    static Person of(fi.onr.ffi.PersonValue v) {
        return new Person(v);
    }

    fi.onr.ffi.PersonValue ffi() {
        return v;
    }

    private fi.onr.ffi.PersonValue copy() {
        return new fi.onr.ffi.PersonValue(v.getOid(), v.getHetu(), v.getEtunimet(), v.getKutsumanimi(), v.getSukunimi(),
                v.getAidinkieli(), v.getKansalaisuus(), v.getPassivoitu(), v.getDuplicate(), v.getYksiloity(), v.getYksiloityVtj(),
                v.getYksiloityEidas(), v.getKaikkiHetut());
    }

    /** This person with a hetu ({@code null}: none). */
    public Person withHetu(String hetu) {
        fi.onr.ffi.PersonValue c = copy();
        c.setHetu(hetu == null ? null : Text.wellFormed(hetu));
        return new Person(c);
    }

    /**
     * This person with a history of hetus ({@code kaikkiHetut}: every hetu the person has had,
     * which ONR's hetu operations read and extend).
     */
    public Person withKaikkiHetut(List<String> kaikkiHetut) {
        fi.onr.ffi.PersonValue c = copy();
        List<String> clean = new java.util.ArrayList<>(kaikkiHetut.size());
        for (String h : kaikkiHetut) {
            clean.add(Text.wellFormed(h));
        }
        c.setKaikkiHetut(clean);
        return new Person(c);
    }

    /** This person with names. */
    public Person withNames(String etunimet, String kutsumanimi, String sukunimi) {
        fi.onr.ffi.PersonValue c = copy();
        c.setEtunimet(Text.wellFormed(etunimet));
        c.setKutsumanimi(Text.wellFormed(kutsumanimi));
        c.setSukunimi(Text.wellFormed(sukunimi));
        return new Person(c);
    }

    /** This person with a mother tongue ({@code null}: none) and citizenships (koodisto codes). */
    public Person withLanguageAndCitizenships(String aidinkieli, List<String> kansalaisuus) {
        fi.onr.ffi.PersonValue c = copy();
        c.setAidinkieli(aidinkieli == null ? null : Text.wellFormed(aidinkieli));
        c.setKansalaisuus(List.copyOf(kansalaisuus));
        return new Person(c);
    }

    /** This person identified manually ({@code yksiloity}). */
    public Person withYksiloity(boolean yes) {
        fi.onr.ffi.PersonValue c = copy();
        c.setYksiloity(yes);
        return new Person(c);
    }

    /** This person identified against the population register ({@code yksiloityVTJ}). */
    public Person withYksiloityVtj(boolean yes) {
        fi.onr.ffi.PersonValue c = copy();
        c.setYksiloityVtj(yes);
        return new Person(c);
    }

    /** This person identified by eIDAS ({@code yksiloityEidas}). */
    public Person withYksiloityEidas(boolean yes) {
        fi.onr.ffi.PersonValue c = copy();
        c.setYksiloityEidas(yes);
        return new Person(c);
    }

    /** This person with the {@code passivoitu} and {@code duplicate} flags. */
    public Person withFlags(boolean passivoitu, boolean duplicate) {
        fi.onr.ffi.PersonValue c = copy();
        c.setPassivoitu(passivoitu);
        c.setDuplicate(duplicate);
        return new Person(c);
    }

    /** {@code oidHenkilo}. */
    public String oid() {
        return v.getOid();
    }

    /** The hetu, if any. */
    public Optional<String> hetu() {
        return Optional.ofNullable(v.getHetu());
    }

    /** {@code etunimet}. */
    public String etunimet() {
        return v.getEtunimet();
    }

    /** {@code kutsumanimi}. */
    public String kutsumanimi() {
        return v.getKutsumanimi();
    }

    /** {@code sukunimi}. */
    public String sukunimi() {
        return v.getSukunimi();
    }

    /** {@code aidinkieli}, if any. */
    public Optional<String> aidinkieli() {
        return Optional.ofNullable(v.getAidinkieli());
    }

    /** {@code kansalaisuus}. */
    public List<String> kansalaisuus() {
        return List.copyOf(v.getKansalaisuus());
    }

    /** {@code kaikkiHetut}: every hetu the person has had, sorted. */
    public List<String> kaikkiHetut() {
        return List.copyOf(v.getKaikkiHetut());
    }

    /** {@code passivoitu}. */
    public boolean isPassivoitu() {
        return v.getPassivoitu();
    }

    /** {@code duplicate}: this person is someone's slave. */
    public boolean isDuplicate() {
        return v.getDuplicate();
    }

    /** {@code yksiloity}. */
    public boolean isYksiloity() {
        return v.getYksiloity();
    }

    /** {@code yksiloityVTJ}. */
    public boolean isYksiloityVtj() {
        return v.getYksiloityVtj();
    }

    /** {@code yksiloityEidas}. */
    public boolean isYksiloityEidas() {
        return v.getYksiloityEidas();
    }

    /** The OID only (the rest may be personal data). */
    @Override
    public String toString() {
        return "Person(" + v.getOid() + ")";
    }
}
