//! `onr_core::linking` for the JVM: a registry of persons and ONR's link operations.

use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use onr_core::linking::{
    check_links, ChangeFeedEntry, ChangeFeedTracker, Link, LinkRow, Outcome, Registry, TableLayout,
    Violation,
};
use onr_core::person::{Actor, Audience, ContactGroup, ContactInfo, Lookup, Person};
use onr_core::Environment;

use crate::error::{NativeError, Problem};

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

/// What an operation changed (the essentials of [`Outcome`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LinkOutcome {
    /// The master after the operation.
    pub master: String,
    /// The slaves linked or unlinked.
    pub slaves: Vec<String>,
    /// The persons saved, in order.
    pub saved: Vec<String>,
    /// The OIDs that appear in ONR's change feed, in order.
    pub change_feed: Vec<String>,
    /// Surprising effects ONR really has.
    pub lints: Vec<Problem>,
    /// Link rows inserted.
    pub links_created: Vec<LinkValue>,
    /// Link rows deleted.
    pub links_deleted: Vec<LinkValue>,
    /// Persons whose user account ONR passivates.
    pub accounts_passivated: Vec<String>,
}

/// A link row, master to slave.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LinkValue {
    /// The master.
    pub master: String,
    /// The slave.
    pub slave: String,
}

impl From<&Link> for LinkValue {
    fn from(l: &Link) -> LinkValue {
        LinkValue {
            master: l.master.clone(),
            slave: l.slave.clone(),
        }
    }
}

/// A broken invariant of the link table ([`Violation`]): its kind and the OIDs involved, the
/// subject first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ViolationValue {
    /// [`Violation::kind`], e.g. `chain`.
    pub kind: String,
    /// [`Violation::oids`].
    pub oids: Vec<String>,
}

impl From<&Violation> for ViolationValue {
    fn from(v: &Violation) -> ViolationValue {
        ViolationValue {
            kind: v.kind().to_owned(),
            oids: v.oids().into_iter().map(str::to_owned).collect(),
        }
    }
}

/// ONR's `GET /yleistunniste/hae/{oid}` ([`onr_core::linking::YleistunnisteView`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct YleistunnisteValue {
    /// The OID asked for.
    pub oid: String,
    /// The master's oppijanumero, if the master is identified.
    pub oppijanumero: Option<String>,
    /// The person's own `passivoitu`.
    pub passivoitu: bool,
    /// Every other OID of the group, sorted.
    pub linked: Vec<String>,
}

impl From<Outcome> for LinkOutcome {
    fn from(o: Outcome) -> LinkOutcome {
        LinkOutcome {
            lints: o.lints.iter().map(Problem::from).collect(),
            links_created: o.links_created.iter().map(LinkValue::from).collect(),
            links_deleted: o.links_deleted.iter().map(LinkValue::from).collect(),
            accounts_passivated: o.accounts_passivated,
            master: o.master,
            slaves: o.slaves,
            saved: o.saved,
            change_feed: o.change_feed,
        }
    }
}

/// [`Registry`], shareable between threads (each operation locks it).
#[derive(Debug, uniffi::Object)]
pub struct LinkRegistry(Mutex<Registry>);

#[uniffi::export]
impl LinkRegistry {
    /// [`Registry::new`].
    #[uniffi::constructor]
    pub fn new(env: Environment) -> LinkRegistry {
        LinkRegistry(Mutex::new(Registry::new(env)))
    }

    /// [`Registry::insert_person`]: adds or replaces a person.
    pub fn insert_person(&self, person: PersonValue) {
        self.lock().insert_person(person.into());
    }

    /// [`Registry::person`].
    pub fn person(&self, oid: String) -> Option<PersonValue> {
        self.lock().person(&oid).map(PersonValue::from)
    }

    /// [`Registry::master_of`].
    pub fn master_of(&self, oid: String) -> Option<String> {
        self.lock().master_of(&oid).map(str::to_owned)
    }

    /// [`Registry::slaves_of`].
    pub fn slaves_of(&self, oid: String) -> Vec<String> {
        self.lock()
            .slaves_of(&oid)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// [`Registry::link`].
    pub fn link(&self, oid: String, candidates: Vec<String>) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().link(&oid, &candidates)?.into())
    }

    /// [`Registry::force_link`].
    pub fn force_link(
        &self,
        oid: String,
        candidates: Vec<String>,
    ) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().force_link(&oid, &candidates)?.into())
    }

    /// [`Registry::unlink`].
    pub fn unlink(&self, master: String, slave: String) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().unlink(&master, &slave)?.into())
    }

    /// [`Registry::link_with_vtj_hetu`]: VTJ identified the person with this hetu.
    pub fn link_with_vtj_hetu(
        &self,
        oid: String,
        vtj_hetu: String,
    ) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().link_with_vtj_hetu(&oid, &vtj_hetu)?.into())
    }

    /// [`Registry::force_update_hetu`].
    pub fn force_update_hetu(
        &self,
        oid: String,
        new_hetu: String,
    ) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().force_update_hetu(&oid, &new_hetu)?.into())
    }

    /// [`Registry::remove_duplicate_hetu_and_link`].
    pub fn remove_duplicate_hetu_and_link(
        &self,
        oid: String,
        hetu: String,
    ) -> Result<LinkOutcome, NativeError> {
        Ok(self
            .lock()
            .remove_duplicate_hetu_and_link(&oid, &hetu)?
            .into())
    }

    /// [`Registry::identify_without_hetu`].
    pub fn identify_without_hetu(&self, oid: String) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().identify_without_hetu(&oid)?.into())
    }

    /// [`Registry::passivate`].
    pub fn passivate(&self, oid: String) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().passivate(&oid)?.into())
    }

    /// [`Registry::add_link`]: loads a link row as it is (no rules applied).
    pub fn add_link(&self, master: String, slave: String) {
        self.lock().add_link(&master, &slave);
    }

    /// [`Registry::links`]: every link row, in insertion order.
    pub fn links(&self) -> Vec<LinkValue> {
        self.lock()
            .links()
            .map(|(m, s)| LinkValue {
                master: m.to_owned(),
                slave: s.to_owned(),
            })
            .collect()
    }

    /// [`Registry::person_count`].
    pub fn person_count(&self) -> i64 {
        self.lock().person_count() as i64
    }

    /// [`Registry::link_count`].
    pub fn link_count(&self) -> i64 {
        self.lock().link_count() as i64
    }

    /// [`Registry::resolve`]: the master of a slave, else the OID itself.
    pub fn resolve(&self, oid: String) -> String {
        self.lock().resolve(&oid).to_owned()
    }

    /// [`Registry::masters_of`].
    pub fn masters_of(&self, oid: String) -> Vec<String> {
        owned(self.lock().masters_of(&oid))
    }

    /// [`Registry::group`].
    pub fn group(&self, oid: String) -> Vec<String> {
        owned(self.lock().group(&oid))
    }

    /// [`Registry::linked`].
    pub fn linked(&self, oid: String) -> Vec<String> {
        owned(self.lock().linked(&oid))
    }

    /// [`Registry::master_person`].
    pub fn master_person(&self, oid: String) -> Result<PersonValue, NativeError> {
        Ok(PersonValue::from(self.lock().master_person(&oid)?))
    }

    /// [`Registry::oppijanumero`].
    pub fn oppijanumero(&self, oid: String) -> Result<Option<String>, NativeError> {
        Ok(self.lock().oppijanumero(&oid)?.map(str::to_owned))
    }

    /// [`Registry::yleistunniste`].
    pub fn yleistunniste(&self, oid: String) -> Result<YleistunnisteValue, NativeError> {
        let v = self.lock().yleistunniste(&oid)?;
        Ok(YleistunnisteValue {
            oid: v.oid,
            oppijanumero: v.oppijanumero,
            passivoitu: v.passivoitu,
            linked: v.linked,
        })
    }

    /// [`Registry::masters_by_oids`]: `(asked OID, its master person's OID)` rows.
    pub fn masters_by_oids(&self, oids: Vec<String>) -> Result<Vec<LinkValue>, NativeError> {
        Ok(self
            .lock()
            .masters_by_oids(&oids)?
            .into_iter()
            .map(|(oid, master)| LinkValue { master, slave: oid })
            .collect())
    }

    /// [`Registry::duplicate_henkilos`]: `(master, slave)` rows, for the OIDs or for all.
    pub fn duplicate_henkilos(&self, oids: Option<Vec<String>>) -> Vec<LinkValue> {
        self.lock()
            .duplicate_henkilos(oids.as_deref())
            .into_iter()
            .map(|d| LinkValue {
                master: d.master_oid,
                slave: d.henkilo_oid,
            })
            .collect()
    }

    /// [`Registry::check`]: the broken invariants of the registry's links and flags.
    pub fn check(&self) -> Vec<ViolationValue> {
        self.lock()
            .check()
            .iter()
            .map(ViolationValue::from)
            .collect()
    }
}

fn owned(v: Vec<&str>) -> Vec<String> {
    v.into_iter().map(str::to_owned).collect()
}

impl LinkRegistry {
    fn lock(&self) -> MutexGuard<'_, Registry> {
        // Operations are atomic in onr-core: a panic in one leaves the registry as it was.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
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
pub fn person_facts(person: PersonValue, env: Environment) -> PersonFacts {
    let p = Person::from(person);
    let derived = p.hetu_birth_date_and_sex(env);
    PersonFacts {
        has_hetu: p.has_hetu(),
        identified_by_any_method: p.is_identified_by_any_method(),
        strongly_identified: p.is_strongly_identified(),
        counts_as_identified_for_linking: p.counts_as_identified_for_linking(),
        oppijanumero: p.oppijanumero().map(str::to_owned),
        yksilointi_tila: p.yksilointi_tila().as_str().to_owned(),
        counts_as_import_success: p.counts_as_import_success(),
        hetu_birth_date: derived.map(|(d, _)| d),
        hetu_sex: derived.map(|(_, s)| s.to_owned()),
    }
}

/// [`Person::apply_save_rules`]: the record as ONR saves it.
#[uniffi::export]
pub fn person_saved(person: PersonValue, env: Environment) -> PersonValue {
    let mut p = Person::from(person);
    p.apply_save_rules(env);
    PersonValue::from(&p)
}

/// [`Person::apply_turvakielto_on_save`]: the record after ONR's turvakielto persist hook.
#[uniffi::export]
pub fn person_turvakielto_saved(person: PersonValue) -> PersonValue {
    let mut p = Person::from(person);
    p.apply_turvakielto_on_save();
    PersonValue::from(&p)
}

/// To whom a record is shown ([`Audience`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AudienceKind {
    /// [`Audience::Consumer`].
    Consumer,
    /// [`Audience::Guardian`].
    Guardian,
}

impl From<AudienceKind> for Audience {
    fn from(k: AudienceKind) -> Audience {
        match k {
            AudienceKind::Consumer => Audience::Consumer,
            AudienceKind::Guardian => Audience::Guardian,
        }
    }
}

/// [`Person::view`]: the record as ONR shows it to `audience`.
#[uniffi::export]
pub fn person_view(person: PersonValue, audience: AudienceKind) -> PersonValue {
    PersonValue::from(&Person::from(person).view(audience.into()))
}

/// A lookup or listing of ONR ([`Lookup`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum LookupKind {
    /// [`Lookup::DuplicateSearch`].
    DuplicateSearch,
    /// [`Lookup::NameSearch`] without passivated persons.
    NameSearch,
    /// [`Lookup::NameSearch`] with passivated persons.
    NameSearchWithPassive,
    /// [`Lookup::SearchTerm`].
    SearchTerm,
    /// [`Lookup::ByHetu`].
    ByHetu,
    /// [`Lookup::ByOid`].
    ByOid,
    /// [`Lookup::ByEidas`].
    ByEidas,
    /// [`Lookup::ImportErrorCount`].
    ImportErrorCount,
    /// [`Lookup::FailedIdentificationList`].
    FailedIdentificationList,
    /// [`Lookup::VtjChangeFeed`].
    VtjChangeFeed,
    /// [`Lookup::VtjBucketRefresh`].
    VtjBucketRefresh,
    /// [`Lookup::BackgroundIdentification`].
    BackgroundIdentification,
}

impl From<LookupKind> for Lookup {
    fn from(k: LookupKind) -> Lookup {
        match k {
            LookupKind::DuplicateSearch => Lookup::DuplicateSearch,
            LookupKind::NameSearch => Lookup::NameSearch {
                include_passive: false,
            },
            LookupKind::NameSearchWithPassive => Lookup::NameSearch {
                include_passive: true,
            },
            LookupKind::SearchTerm => Lookup::SearchTerm,
            LookupKind::ByHetu => Lookup::ByHetu,
            LookupKind::ByOid => Lookup::ByOid,
            LookupKind::ByEidas => Lookup::ByEidas,
            LookupKind::ImportErrorCount => Lookup::ImportErrorCount,
            LookupKind::FailedIdentificationList => Lookup::FailedIdentificationList,
            LookupKind::VtjChangeFeed => Lookup::VtjChangeFeed,
            LookupKind::VtjBucketRefresh => Lookup::VtjBucketRefresh,
            LookupKind::BackgroundIdentification => Lookup::BackgroundIdentification,
        }
    }
}

/// [`Person::included_in`].
#[uniffi::export]
pub fn person_included_in(person: PersonValue, lookup: LookupKind) -> bool {
    Person::from(person).included_in(lookup.into())
}

/// [`Person::check_reactivation`]: `superuser` is the actor's role.
#[uniffi::export]
pub fn person_check_reactivation(
    person: PersonValue,
    requested_passivoitu: Option<bool>,
    superuser: bool,
) -> Result<(), NativeError> {
    let actor = if superuser {
        Actor::Superuser
    } else {
        Actor::Official
    };
    Ok(Person::from(person).check_reactivation(requested_passivoitu, actor)?)
}

// ---------------------------------------------------------------------------------------------
// Link tables from elsewhere, and the change feed
// ---------------------------------------------------------------------------------------------

/// One row of a link table loaded from elsewhere ([`LinkRow`]), with the flags when known.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LinkRowValue {
    /// The master's OID.
    pub master_oid: String,
    /// The slave's OID.
    pub slave_oid: String,
    /// The master's `passivoitu`, if known.
    pub master_passivoitu: Option<bool>,
    /// The master's `duplicate`, if known.
    pub master_duplicate: Option<bool>,
    /// The slave's `passivoitu`, if known.
    pub slave_passivoitu: Option<bool>,
    /// The slave's `duplicate`, if known.
    pub slave_duplicate: Option<bool>,
}

impl From<LinkRowValue> for LinkRow {
    fn from(r: LinkRowValue) -> LinkRow {
        LinkRow {
            master_oid: r.master_oid,
            slave_oid: r.slave_oid,
            master_passivoitu: r.master_passivoitu,
            master_duplicate: r.master_duplicate,
            slave_passivoitu: r.slave_passivoitu,
            slave_duplicate: r.slave_duplicate,
        }
    }
}

impl From<LinkRow> for LinkRowValue {
    fn from(r: LinkRow) -> LinkRowValue {
        LinkRowValue {
            master_oid: r.master_oid,
            slave_oid: r.slave_oid,
            master_passivoitu: r.master_passivoitu,
            master_duplicate: r.master_duplicate,
            slave_passivoitu: r.slave_passivoitu,
            slave_duplicate: r.slave_duplicate,
        }
    }
}

/// [`check_links`]: the broken invariants of a link table.
#[uniffi::export]
pub fn linking_check_links(rows: Vec<LinkRowValue>) -> Vec<ViolationValue> {
    let rows: Vec<LinkRow> = rows.into_iter().map(LinkRow::from).collect();
    check_links(&rows)
        .iter()
        .map(ViolationValue::from)
        .collect()
}

/// [`TableLayout::from_header`]: checks a link table's header; returns
/// [`TableLayout::has_flags`].
#[uniffi::export]
pub fn linking_table_layout(header: Vec<String>) -> Result<bool, NativeError> {
    Ok(TableLayout::from_header(&header)?.has_flags())
}

/// One data row of a link table as [`TableLayout::row`] reads it: the row, or its error.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableRowRead {
    /// The row, when usable.
    pub row: Option<LinkRowValue>,
    /// Why the row is unusable.
    pub error: Option<Problem>,
}

/// [`TableLayout::from_header`] then [`TableLayout::row`] for every data row, in order (an
/// unusable row doesn't stop the others).
#[uniffi::export]
pub fn linking_table_rows(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
) -> Result<Vec<TableRowRead>, NativeError> {
    let layout = TableLayout::from_header(&header)?;
    Ok(rows
        .iter()
        .map(|fields| match layout.row(fields) {
            Ok(r) => TableRowRead {
                row: Some(r.into()),
                error: None,
            },
            Err(e) => TableRowRead {
                row: None,
                error: Some(Problem::from(&e)),
            },
        })
        .collect())
}

/// A local record whose master changed ([`onr_core::linking::Repointed`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RepointedValue {
    /// The local record's OID.
    pub oid: String,
    /// The master it pointed to before.
    pub from: String,
    /// The master it points to now.
    pub to: String,
}

/// [`ChangeFeedTracker`], shareable between threads.
#[derive(Debug, uniffi::Object)]
pub struct FeedTracker(Mutex<ChangeFeedTracker>);

#[uniffi::export]
impl FeedTracker {
    /// [`ChangeFeedTracker::with_masters`]: `known` rows are (OID as slave, its master).
    #[uniffi::constructor]
    pub fn new(known: Vec<LinkValue>) -> FeedTracker {
        FeedTracker(Mutex::new(ChangeFeedTracker::with_masters(
            known.into_iter().map(|l| (l.slave, l.master)),
        )))
    }

    /// [`ChangeFeedTracker::master_of`].
    pub fn master_of(&self, oid: String) -> Option<String> {
        self.lock().master_of(&oid).map(str::to_owned)
    }

    /// [`ChangeFeedTracker::apply`]: one page of `(oid, master)` entries, as `LinkValue`s
    /// with the changed OID as `slave`.
    pub fn apply(&self, page: Vec<LinkValue>) -> Vec<RepointedValue> {
        let page: Vec<ChangeFeedEntry> = page
            .into_iter()
            .map(|l| ChangeFeedEntry::new(l.slave, l.master))
            .collect();
        self.lock()
            .apply(&page)
            .into_iter()
            .map(|r| RepointedValue {
                oid: r.oid,
                from: r.from,
                to: r.to,
            })
            .collect()
    }
}

impl FeedTracker {
    fn lock(&self) -> MutexGuard<'_, ChangeFeedTracker> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
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
        let consumer = person_view(PersonValue::from(&p), AudienceKind::Consumer);
        assert_eq!(consumer.kotikunta, None);
        assert_eq!(consumer.yhteystiedot_ryhma.len(), 1);
        let guardian = person_view(PersonValue::from(&p), AudienceKind::Guardian);
        assert_eq!(guardian.kotikunta.as_deref(), Some("493"));
        assert!(guardian.yhteystiedot_ryhma.is_empty());
        assert!(!format!("{:?}", PersonValue::from(&p)).contains("Testitie"));
    }

    #[test]
    fn table_rows_keep_order_and_report_each_bad_row() {
        let header = vec!["master_oid".to_owned(), "slave_oid".to_owned()];
        let rows = vec![
            vec!["M".to_owned(), "S".to_owned()],
            vec!["M".to_owned()],
            vec!["M".to_owned(), String::new()],
        ];
        let read = linking_table_rows(header, rows).unwrap();
        assert_eq!(read[0].row.as_ref().unwrap().slave_oid, "S");
        let codes: Vec<_> = read[1..]
            .iter()
            .map(|r| r.error.as_ref().unwrap().code.as_str())
            .collect();
        assert_eq!(codes, ["link.table.missing_field", "link.table.empty_oid"]);
        assert!(linking_table_layout(vec!["slave_oid".to_owned()]).is_err());
    }
}
