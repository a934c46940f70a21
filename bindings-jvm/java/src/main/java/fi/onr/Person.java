package fi.onr;

import fi.onr.ffi.Onr_jvmKt;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * PERSON (henkilö, an ONR person record): the fields ONR's rules read and change, and the rules
 * of one record (identification state, oppijanumero, what a save does, which lookups see it,
 * who may re-activate it). Immutable; build one with {@link #of(String)} and the
 * {@code with...} methods; {@link LinkRegistry} holds many.
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
        return new Person(new fi.onr.ffi.PersonValue(Text.wellFormed(oid), null, "", "", "", null, List.of(), false, false, false, false, false, List.of(),
                null, null, false, false, null, List.of()));
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
                v.getYksiloityEidas(), v.getKaikkiHetut(), v.getSyntymaaika(), v.getSukupuoli(), v.getYksilointiYritetty(),
                v.getTurvakielto(), v.getKotikunta(), v.getYhteystiedotRyhma());
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

    /** This person with a birth date and a sex code (koodisto {@code sukupuoli}); {@code null}: none. */
    public Person withBirthDateAndSex(LocalDate syntymaaika, String sukupuoli) {
        fi.onr.ffi.PersonValue c = copy();
        c.setSyntymaaika(syntymaaika);
        c.setSukupuoli(sukupuoli == null ? null : Text.wellFormed(sukupuoli));
        return new Person(c);
    }

    /** This person with {@code yksilointiYritetty} (identification against VTJ was attempted). */
    public Person withYksilointiYritetty(boolean yes) {
        fi.onr.ffi.PersonValue c = copy();
        c.setYksilointiYritetty(yes);
        return new Person(c);
    }

    /** This person with {@code turvakielto} (non-disclosure for safety reasons). */
    public Person withTurvakielto(boolean yes) {
        fi.onr.ffi.PersonValue c = copy();
        c.setTurvakielto(yes);
        return new Person(c);
    }

    /** This person with a home municipality ({@code kotikunta}, a koodisto {@code kunta} code; {@code null}: none). */
    public Person withKotikunta(String kotikunta) {
        fi.onr.ffi.PersonValue c = copy();
        c.setKotikunta(kotikunta == null ? null : Text.wellFormed(kotikunta));
        return new Person(c);
    }

    /** This person with contact-information groups ({@code yhteystiedotRyhma}), in order. */
    public Person withContactGroups(List<ContactGroup> groups) {
        fi.onr.ffi.PersonValue c = copy();
        List<fi.onr.ffi.ContactGroupValue> values = new java.util.ArrayList<>(groups.size());
        for (ContactGroup g : groups) {
            values.add(g.v);
        }
        c.setYhteystiedotRyhma(values);
        return new Person(c);
    }

    // ---- ONR's rules on one record --------------------------------------------------------

    private fi.onr.ffi.PersonFacts facts(Environment env) {
        return Ffi.call(() -> Onr_jvmKt.personFacts(v, env.ffi()));
    }

    /** Whether the person has a hetu (an empty one counts until the record is saved). */
    public boolean hasHetu() {
        return facts(Environment.PRODUCTION).getHasHetu();
    }

    /** Identified by any method: {@code yksiloity || yksiloityVTJ || yksiloityEidas}. */
    public boolean isIdentifiedByAnyMethod() {
        return facts(Environment.PRODUCTION).getIdentifiedByAnyMethod();
    }

    /** Strongly identified: {@code yksiloityVTJ || yksiloityEidas}. */
    public boolean isStronglyIdentified() {
        return facts(Environment.PRODUCTION).getStronglyIdentified();
    }

    /** Whether ONR's link rules treat the person as identified (it then becomes the master). */
    public boolean countsAsIdentifiedForLinking() {
        return facts(Environment.PRODUCTION).getCountsAsIdentifiedForLinking();
    }

    /** The person's own oppijanumero: its OID when identified by any method. */
    public Optional<String> oppijanumero() {
        return Optional.ofNullable(facts(Environment.PRODUCTION).getOppijanumero());
    }

    /** The identification state as ONR reports it. */
    public YksilointiTila yksilointiTila() {
        return YksilointiTila.valueOf(facts(Environment.PRODUCTION).getYksilointiTila());
    }

    /** Whether ONR's import summary counts this person's row as successful. */
    public boolean countsAsImportSuccess() {
        return facts(Environment.PRODUCTION).getCountsAsImportSuccess();
    }

    /** The birth date ONR derives from the hetu, when the hetu is valid in {@code env}. */
    public Optional<LocalDate> hetuBirthDate(Environment env) {
        return Optional.ofNullable(facts(env).getHetuBirthDate());
    }

    /** The sex ONR derives from the hetu, when the hetu is valid in {@code env}. */
    public Optional<Sex> hetuSex(Environment env) {
        String code = facts(env).getHetuSex();
        return code == null ? Optional.empty() : Optional.of(Sex.MALE.code().equals(code) ? Sex.MALE : Sex.FEMALE);
    }

    /**
     * The record as every save through ONR leaves it: an empty hetu becomes none, and the birth
     * date and sex are overwritten from a hetu valid in {@code env}.
     */
    public Person saved(Environment env) {
        return new Person(Ffi.call(() -> Onr_jvmKt.personSaved(v, env.ffi())));
    }

    /**
     * The record after ONR's turvakielto persist hook alone: under turvakielto every contact
     * group of VTJ origin is deleted (the home municipality is kept). {@link #saved} includes it.
     */
    public Person savedTurvakielto() {
        return new Person(Ffi.call(() -> Onr_jvmKt.personTurvakieltoSaved(v)));
    }

    /**
     * The record as ONR shows it to {@code audience}; without turvakielto, the record itself.
     *
     * <pre>{@code
     * Person p = Person.of(oid).withTurvakielto(true).withKotikunta("091");
     * p.view(Person.Audience.CONSUMER).kotikunta();   // Optional.empty()
     * p.view(Person.Audience.GUARDIAN).kotikunta();   // Optional[091]: ONR still shows it
     * }</pre>
     */
    public Person view(Audience audience) {
        return new Person(Ffi.call(() -> Onr_jvmKt.personView(v, audience.code())));
    }

    /** To whom ONR shows a record (see {@link #view}). */
    public enum Audience {
        /**
         * Ordinary consumers ({@code HenkiloDto}, {@code OppijaReadDto}, exports): under
         * turvakielto the home municipality is hidden and the VTJ contact groups are gone.
         */
        CONSUMER("consumer"),
        /**
         * The person as someone's guardian ({@code GET /henkilo/{oid}/huoltajat}): under
         * turvakielto every contact group is emptied, but the home municipality is still shown
         * (ONR's own inconsistency, reproduced).
         */
        GUARDIAN("guardian");

        private final String code;

        Audience(String code) {
            this.code = code;
        }

        /** onr-core's name ({@code onr_core::person::Audience::as_str}), e.g. {@code consumer}. */
        public String code() {
            return code;
        }
    }

    /**
     * One contact-information group ({@code yhteystiedotRyhma[]}): its type, origin, read-only
     * flag and values. Immutable; {@code toString} shows no value.
     *
     * <pre>{@code
     * Person.ContactGroup g = Person.ContactGroup.of("yhteystietotyyppi4", "alkupera1")   // VTJ origin
     *         .withValue("YHTEYSTIETO_KATUOSOITE", "Testitie 1");
     * }</pre>
     */
    public static final class ContactGroup {
        final fi.onr.ffi.ContactGroupValue v;

        private ContactGroup(fi.onr.ffi.ContactGroupValue v) {
            this.v = v;
        }

        /**
         * A group without values: {@code ryhmaKuvaus} (koodisto {@code yhteystietotyypit},
         * {@code null}: none) and {@code ryhmaAlkuperaTieto} (koodisto
         * {@code yhteystietojenalkupera}; {@code alkupera1} is VTJ).
         */
        public static ContactGroup of(String ryhmaKuvaus, String alkupera) {
            return new ContactGroup(new fi.onr.ffi.ContactGroupValue(ryhmaKuvaus == null ? null : Text.wellFormed(ryhmaKuvaus),
                    Text.wellFormed(alkupera), false, List.of()));
        }

        /** This group with one more value ({@code yhteystietoTyyppi}, {@code yhteystietoArvo}; {@code null}: none). */
        public ContactGroup withValue(String tyyppi, String arvo) {
            List<fi.onr.ffi.ContactInfoValue> values = new java.util.ArrayList<>(v.getYhteystieto());
            values.add(new fi.onr.ffi.ContactInfoValue(Text.wellFormed(tyyppi), arvo == null ? null : Text.wellFormed(arvo)));
            return new ContactGroup(new fi.onr.ffi.ContactGroupValue(v.getRyhmaKuvaus(), v.getRyhmaAlkuperaTieto(), v.getReadOnly(), values));
        }

        /** This group with {@code readOnly}. */
        public ContactGroup withReadOnly(boolean yes) {
            return new ContactGroup(new fi.onr.ffi.ContactGroupValue(v.getRyhmaKuvaus(), v.getRyhmaAlkuperaTieto(), yes, v.getYhteystieto()));
        }

        /** {@code ryhmaKuvaus}, if any. */
        public Optional<String> ryhmaKuvaus() {
            return Optional.ofNullable(v.getRyhmaKuvaus());
        }

        /** {@code ryhmaAlkuperaTieto}: the origin. */
        public String alkupera() {
            return v.getRyhmaAlkuperaTieto();
        }

        /** {@code readOnly}. */
        public boolean isReadOnly() {
            return v.getReadOnly();
        }

        /** The values' types ({@code yhteystietoTyyppi}), in order. */
        public List<String> types() {
            List<String> out = new java.util.ArrayList<>();
            for (fi.onr.ffi.ContactInfoValue c : v.getYhteystieto()) {
                out.add(c.getTyyppi());
            }
            return List.copyOf(out);
        }

        /** The value ({@code yhteystietoArvo}) of the {@code i}th entry, if any. */
        public Optional<String> value(int i) {
            return Optional.ofNullable(v.getYhteystieto().get(i).getArvo());
        }

        /** The type and origin only (values may be personal data). */
        @Override
        public String toString() {
            return "ContactGroup(" + v.getRyhmaKuvaus() + ", " + v.getRyhmaAlkuperaTieto() + ", " + v.getYhteystieto().size() + " values)";
        }
    }

    /** Whether the person shows up in an ONR lookup or listing (each has its own rule). */
    public boolean isIncludedIn(Lookup lookup) {
        return Ffi.call(() -> Onr_jvmKt.personIncludedIn(v, lookup.code()));
    }

    /**
     * Checks a {@code PUT /henkilo} that sends {@code passivoitu} ({@code null}: the field is
     * absent): re-activating a passivated person is allowed only for a superuser.
     *
     * @throws PersonException {@code person.reactivation_forbidden} (ONR answers HTTP 403)
     */
    public void checkReactivation(Boolean requestedPassivoitu, boolean superuser) {
        checkReactivation(requestedPassivoitu, superuser ? Actor.SUPERUSER : Actor.OFFICIAL);
    }

    /**
     * Checks a {@code PUT /henkilo} that sends {@code passivoitu} ({@code null}: the field is
     * absent) by {@code actor}: re-activating a passivated person is allowed only for a
     * {@link Actor#SUPERUSER}.
     *
     * @throws PersonException {@code person.reactivation_forbidden} (ONR answers HTTP 403)
     * @throws NullPointerException if {@code actor} is {@code null}
     */
    public void checkReactivation(Boolean requestedPassivoitu, Actor actor) {
        Args.notNull(actor, "actor");
        Ffi.call(() -> {
            Onr_jvmKt.personCheckReactivation(v, requestedPassivoitu, actor.code());
            return null;
        });
    }

    /** Who makes a change to a record (the role ONR checks, see {@link #checkReactivation}). */
    public enum Actor {
        /** An official allowed to update the person. */
        OFFICIAL("official"),
        /** A superuser (rekisterinpitäjä). */
        SUPERUSER("superuser");

        private final String code;

        Actor(String code) {
            this.code = code;
        }

        /** onr-core's name ({@code onr_core::person::Actor::as_str}), e.g. {@code superuser}. */
        public String code() {
            return code;
        }
    }

    /**
     * The identification state ({@code yksilointitila}) as ONR names it: each constant's
     * {@code name()} is onr-core's name ({@code onr_core::person::YksilointiTila::as_str}).
     */
    public enum YksilointiTila {
        /** Identified, or duplicate, or passivated. */
        OK,
        /** Unidentified and without a hetu. */
        HETU_PUUTTUU,
        /** Has a hetu; identification was attempted and did not succeed. */
        VIRHE,
        /** Has a hetu; identification not attempted yet. */
        KESKEN
    }

    /** A lookup or listing of ONR, each with its own rule about passivated and duplicate persons. */
    public enum Lookup {
        /** The trigram duplicate search: passivated and duplicate persons excluded. */
        DUPLICATE_SEARCH("duplicate_search"),
        /** The free-text person search without passivated persons (duplicates included). */
        NAME_SEARCH("name_search"),
        /** The free-text person search with passivated persons. */
        NAME_SEARCH_WITH_PASSIVE("name_search_with_passive"),
        /** {@code GET /henkilo/hakutermi=}: neither passivated nor duplicate. */
        SEARCH_TERM("search_term"),
        /** Lookups by hetu: everyone. */
        BY_HETU("by_hetu"),
        /** {@code GET /henkilo/{oid}} and master resolution: everyone. */
        BY_OID("by_oid"),
        /** Lookup by eIDAS identifier: everyone. */
        BY_EIDAS("by_eidas"),
        /** The import error and in-progress counts: passivated and duplicate persons excluded. */
        IMPORT_ERROR_COUNT("import_error_count"),
        /** The failed identifications list: passivated and duplicate persons excluded. */
        FAILED_IDENTIFICATION_LIST("failed_identification_list"),
        /** The VTJ change feed: passivated persons skipped. */
        VTJ_CHANGE_FEED("vtj_change_feed"),
        /** The VTJ refresh buckets: non-passivated VTJ-identified persons with a hetu. */
        VTJ_BUCKET_REFRESH("vtj_bucket_refresh"),
        /** The background identification job: persons with a hetu not VTJ-identified. */
        BACKGROUND_IDENTIFICATION("background_identification");

        private final String code;

        Lookup(String code) {
            this.code = code;
        }

        /** onr-core's name ({@code onr_core::person::Lookup::as_str}), e.g. {@code by_hetu}. */
        public String code() {
            return code;
        }
    }

    // ---- fields ---------------------------------------------------------------------------

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

    /** {@code syntymaaika}, if set. */
    public Optional<LocalDate> syntymaaika() {
        return Optional.ofNullable(v.getSyntymaaika());
    }

    /** {@code sukupuoli} (koodisto code), if set. */
    public Optional<String> sukupuoli() {
        return Optional.ofNullable(v.getSukupuoli());
    }

    /** {@code kotikunta}, if any. */
    public Optional<String> kotikunta() {
        return Optional.ofNullable(v.getKotikunta());
    }

    /** {@code yhteystiedotRyhma}: the contact-information groups, in order. */
    public List<ContactGroup> contactGroups() {
        List<ContactGroup> out = new java.util.ArrayList<>(v.getYhteystiedotRyhma().size());
        for (fi.onr.ffi.ContactGroupValue g : v.getYhteystiedotRyhma()) {
            out.add(new ContactGroup(g));
        }
        return List.copyOf(out);
    }

    /** {@code yksilointiYritetty}. */
    public boolean isYksilointiYritetty() {
        return v.getYksilointiYritetty();
    }

    /** {@code turvakielto}. */
    public boolean isTurvakielto() {
        return v.getTurvakielto();
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
