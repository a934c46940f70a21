//! `onr_core::person` for the JVM: the person record (`PersonValue`) and the rules of one
//! record (facts, saving, views, lookups, reactivation).

use chrono::NaiveDate;
use onr_core::person::{
    Actor, Audience, ContactGroup, ContactInfo, Lookup, Person, YksilointiTila,
};
use onr_core::Environment;

use crate::error::{names, shielded, NativeError};

/// The fields of a person that the link rules read and change.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonValue {
    /// `oidHenkilo`.
    pub oid: String,
    /// The hetu, if any.
    pub hetu: Option<String>,
    /// `etunimet`.
    pub etunimet: String,
    /// `kutsumanimi`.
    pub kutsumanimi: String,
    /// `sukunimi`.
    pub sukunimi: String,
    /// `aidinkieli` (a koodisto `kieli` code), if any.
    pub aidinkieli: Option<String>,
    /// `kansalaisuus` (koodisto `maatjavaltiot2` codes).
    pub kansalaisuus: Vec<String>,
    /// `passivoitu`.
    pub passivoitu: bool,
    /// `duplicate`.
    pub duplicate: bool,
    /// `yksiloity` (identified manually).
    pub yksiloity: bool,
    /// `yksiloityVTJ` (identified against the population register).
    pub yksiloity_vtj: bool,
    /// `yksiloityEidas`.
    pub yksiloity_eidas: bool,
    /// `kaikkiHetut`: every hetu the person has had (the history ONR keeps).
    pub kaikki_hetut: Vec<String>,
    /// `syntymaaika`.
    pub syntymaaika: Option<NaiveDate>,
    /// `sukupuoli` (koodisto `sukupuoli` code).
    pub sukupuoli: Option<String>,
    /// `yksilointiYritetty`: identification against VTJ was attempted.
    pub yksilointi_yritetty: bool,
    /// `turvakielto` (non-disclosure for safety reasons).
    pub turvakielto: bool,
    /// `kotikunta` (home municipality, a koodisto `kunta` code), if any.
    pub kotikunta: Option<String>,
    /// `yhteystiedotRyhma`: the contact-information groups.
    pub yhteystiedot_ryhma: Vec<ContactGroupValue>,
}

/// One contact-information group ([`ContactGroup`]).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContactGroupValue {
    /// `ryhmaKuvaus` (koodisto `yhteystietotyypit`), if any.
    pub ryhma_kuvaus: Option<String>,
    /// `ryhmaAlkuperaTieto` (koodisto `yhteystietojenalkupera`; `alkupera1` is VTJ).
    pub ryhma_alkupera_tieto: String,
    /// `readOnly`.
    pub read_only: bool,
    /// The values: `(yhteystietoTyyppi, yhteystietoArvo)`.
    pub yhteystieto: Vec<ContactInfoValue>,
}

impl std::fmt::Debug for ContactGroupValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // onr-core's Debug, which never prints the contact values.
        std::fmt::Debug::fmt(&ContactGroup::from(self.clone()), f)
    }
}

/// One contact value ([`ContactInfo`]).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContactInfoValue {
    /// `yhteystietoTyyppi`, e.g. `YHTEYSTIETO_SAHKOPOSTI`.
    pub tyyppi: String,
    /// `yhteystietoArvo`, if any.
    pub arvo: Option<String>,
}

impl std::fmt::Debug for ContactInfoValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // onr-core's Debug, which never prints the value.
        std::fmt::Debug::fmt(&ContactInfo::from(self.clone()), f)
    }
}

impl From<ContactInfoValue> for ContactInfo {
    fn from(v: ContactInfoValue) -> ContactInfo {
        ContactInfo {
            yhteystieto_tyyppi: v.tyyppi,
            yhteystieto_arvo: v.arvo,
        }
    }
}

impl From<ContactGroupValue> for ContactGroup {
    fn from(v: ContactGroupValue) -> ContactGroup {
        ContactGroup {
            ryhma_kuvaus: v.ryhma_kuvaus,
            ryhma_alkupera_tieto: v.ryhma_alkupera_tieto,
            read_only: v.read_only,
            yhteystieto: v.yhteystieto.into_iter().map(ContactInfo::from).collect(),
        }
    }
}

impl From<&ContactGroup> for ContactGroupValue {
    fn from(g: &ContactGroup) -> ContactGroupValue {
        ContactGroupValue {
            ryhma_kuvaus: g.ryhma_kuvaus.clone(),
            ryhma_alkupera_tieto: g.ryhma_alkupera_tieto.clone(),
            read_only: g.read_only,
            yhteystieto: g
                .yhteystieto
                .iter()
                .map(|c| ContactInfoValue {
                    tyyppi: c.yhteystieto_tyyppi.clone(),
                    arvo: c.yhteystieto_arvo.clone(),
                })
                .collect(),
        }
    }
}

impl From<&Person> for PersonValue {
    fn from(p: &Person) -> PersonValue {
        PersonValue {
            oid: p.oid.clone(),
            hetu: p.hetu.clone(),
            etunimet: p.etunimet.clone(),
            kutsumanimi: p.kutsumanimi.clone(),
            sukunimi: p.sukunimi.clone(),
            aidinkieli: p.aidinkieli.clone(),
            kansalaisuus: p.kansalaisuus.iter().cloned().collect(),
            passivoitu: p.passivoitu,
            duplicate: p.duplicate,
            yksiloity: p.yksiloity,
            yksiloity_vtj: p.yksiloity_vtj,
            yksiloity_eidas: p.yksiloity_eidas,
            kaikki_hetut: p.kaikki_hetut.iter().cloned().collect(),
            syntymaaika: p.syntymaaika,
            sukupuoli: p.sukupuoli.clone(),
            yksilointi_yritetty: p.yksilointi_yritetty,
            turvakielto: p.turvakielto,
            kotikunta: p.kotikunta.clone(),
            yhteystiedot_ryhma: p
                .yhteystiedot_ryhma
                .iter()
                .map(ContactGroupValue::from)
                .collect(),
        }
    }
}

impl From<PersonValue> for Person {
    fn from(v: PersonValue) -> Person {
        let mut p = Person::new(v.oid);
        p.hetu = v.hetu;
        p.etunimet = v.etunimet;
        p.kutsumanimi = v.kutsumanimi;
        p.sukunimi = v.sukunimi;
        p.aidinkieli = v.aidinkieli;
        p.kansalaisuus = v.kansalaisuus.into_iter().collect();
        p.passivoitu = v.passivoitu;
        p.duplicate = v.duplicate;
        p.yksiloity = v.yksiloity;
        p.yksiloity_vtj = v.yksiloity_vtj;
        p.yksiloity_eidas = v.yksiloity_eidas;
        p.kaikki_hetut = v.kaikki_hetut.into_iter().collect();
        p.syntymaaika = v.syntymaaika;
        p.sukupuoli = v.sukupuoli;
        p.yksilointi_yritetty = v.yksilointi_yritetty;
        p.turvakielto = v.turvakielto;
        p.kotikunta = v.kotikunta;
        p.yhteystiedot_ryhma = v
            .yhteystiedot_ryhma
            .into_iter()
            .map(ContactGroup::from)
            .collect();
        p
    }
}

// ---------------------------------------------------------------------------------------------
// The rules of one person record (onr_core::person)
// ---------------------------------------------------------------------------------------------

/// What ONR derives from a person record ([`Person`]'s rule methods), in one call.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonFacts {
    /// [`Person::has_hetu`].
    pub has_hetu: bool,
    /// [`Person::is_identified_by_any_method`].
    pub identified_by_any_method: bool,
    /// [`Person::is_strongly_identified`].
    pub strongly_identified: bool,
    /// [`Person::counts_as_identified_for_linking`].
    pub counts_as_identified_for_linking: bool,
    /// [`Person::oppijanumero`].
    pub oppijanumero: Option<String>,
    /// [`Person::yksilointi_tila`]: `OK`, `HETU_PUUTTUU`, `VIRHE` or `KESKEN`.
    pub yksilointi_tila: String,
    /// [`Person::counts_as_import_success`].
    pub counts_as_import_success: bool,
    /// [`Person::hetu_birth_date_and_sex`]: the birth date, when the hetu is valid.
    pub hetu_birth_date: Option<NaiveDate>,
    /// [`Person::hetu_birth_date_and_sex`]: the sex code, when the hetu is valid.
    pub hetu_sex: Option<String>,
}

/// The facts ONR derives from a person record in an environment.
#[uniffi::export]
pub fn person_facts(person: PersonValue, env: Environment) -> Result<PersonFacts, NativeError> {
    shielded(|| {
        let p = Person::from(person);
        let derived = p.hetu_birth_date_and_sex(env);
        Ok(PersonFacts {
            has_hetu: p.has_hetu(),
            identified_by_any_method: p.is_identified_by_any_method(),
            strongly_identified: p.is_strongly_identified(),
            counts_as_identified_for_linking: p.counts_as_identified_for_linking(),
            oppijanumero: p.oppijanumero().map(str::to_owned),
            yksilointi_tila: p.yksilointi_tila().as_str().to_owned(),
            counts_as_import_success: p.counts_as_import_success(),
            hetu_birth_date: derived.map(|(d, _)| d),
            hetu_sex: derived.map(|(_, s)| s.to_owned()),
        })
    })
}

/// [`Person::apply_save_rules`]: the record as ONR saves it.
#[uniffi::export]
pub fn person_saved(person: PersonValue, env: Environment) -> Result<PersonValue, NativeError> {
    shielded(|| {
        let mut p = Person::from(person);
        p.apply_save_rules(env);
        Ok(PersonValue::from(&p))
    })
}

/// [`Person::apply_turvakielto_on_save`]: the record after ONR's turvakielto persist hook.
#[uniffi::export]
pub fn person_turvakielto_saved(person: PersonValue) -> Result<PersonValue, NativeError> {
    shielded(|| {
        let mut p = Person::from(person);
        p.apply_turvakielto_on_save();
        Ok(PersonValue::from(&p))
    })
}

/// [`Person::view`]: the record as ONR shows it to `audience`, one of [`Audience::NAMES`]
/// (`person.unknown_name` for any other).
#[uniffi::export]
pub fn person_view(person: PersonValue, audience: String) -> Result<PersonValue, NativeError> {
    shielded(|| {
        let audience: Audience = audience.parse()?;
        Ok(PersonValue::from(&Person::from(person).view(audience)))
    })
}

/// [`Person::included_in`]: `lookup` is one of [`Lookup::NAMES`] (`person.unknown_name` for
/// any other).
#[uniffi::export]
pub fn person_included_in(person: PersonValue, lookup: String) -> Result<bool, NativeError> {
    shielded(|| {
        let lookup: Lookup = lookup.parse()?;
        Ok(Person::from(person).included_in(lookup))
    })
}

/// [`Person::check_reactivation`]: `actor` is one of [`Actor::NAMES`] (`person.unknown_name`
/// for any other).
#[uniffi::export]
pub fn person_check_reactivation(
    person: PersonValue,
    requested_passivoitu: Option<bool>,
    actor: String,
) -> Result<(), NativeError> {
    shielded(|| {
        let actor: Actor = actor.parse()?;
        Ok(Person::from(person).check_reactivation(requested_passivoitu, actor)?)
    })
}

/// [`Audience::NAMES`], in order: the facade's `Person.Audience` is checked against them.
#[uniffi::export]
pub fn person_audience_names() -> Vec<String> {
    names(&Audience::NAMES)
}

/// [`Lookup::NAMES`], in order: the facade's `Person.Lookup` is checked against them.
#[uniffi::export]
pub fn person_lookup_names() -> Vec<String> {
    names(&Lookup::NAMES)
}

/// [`Actor::NAMES`], in order: the facade's `Person.Actor` is checked against them.
#[uniffi::export]
pub fn person_actor_names() -> Vec<String> {
    names(&Actor::NAMES)
}

/// [`YksilointiTila::NAMES`], in order: the facade's `Person.YksilointiTila` is checked
/// against them.
#[uniffi::export]
pub fn person_yksilointi_tila_names() -> Vec<String> {
    names(&YksilointiTila::NAMES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_value_round_trips_kotikunta_and_contact_groups() {
        let mut p = Person::new("1.2.246.562.24.10000000003");
        p.turvakielto = true;
        p.kotikunta = Some("493".into());
        let mut vtj = ContactGroup::new("yhteystietotyyppi4", "alkupera1");
        vtj.read_only = true;
        vtj.yhteystieto
            .push(ContactInfo::new("YHTEYSTIETO_KATUOSOITE", "Testitie 1"));
        p.yhteystiedot_ryhma = vec![vtj, ContactGroup::new("yhteystietotyyppi2", "alkupera2")];
        let back = Person::from(PersonValue::from(&p));
        assert_eq!(back.kotikunta, p.kotikunta);
        assert_eq!(back.yhteystiedot_ryhma, p.yhteystiedot_ryhma);
        let consumer = person_view(PersonValue::from(&p), "consumer".into()).unwrap();
        assert_eq!(consumer.kotikunta, None);
        assert_eq!(consumer.yhteystiedot_ryhma.len(), 1);
        let guardian = person_view(PersonValue::from(&p), "guardian".into()).unwrap();
        assert_eq!(guardian.kotikunta.as_deref(), Some("493"));
        assert!(guardian.yhteystiedot_ryhma.is_empty());
        assert!(!format!("{:?}", PersonValue::from(&p)).contains("Testitie"));
    }

    #[test]
    fn unknown_names_are_onr_cores_error() {
        let p = PersonValue::from(&Person::new("1.2.246.562.24.10000000003"));
        let e = person_included_in(p.clone(), "by_name".into()).unwrap_err();
        assert_eq!(
            (e.problem().code.as_str(), e.problem().category.as_str()),
            ("person.unknown_name", "format")
        );
        assert!(person_view(p.clone(), "nobody".into()).is_err());
        assert!(person_check_reactivation(p.clone(), None, "admin".into()).is_err());
        assert!(person_included_in(p.clone(), "name_search_with_passive".into()).unwrap());
        assert_eq!(person_lookup_names(), Lookup::NAMES);
    }
}
