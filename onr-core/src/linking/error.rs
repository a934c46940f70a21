//! Errors of the linking operations (with ONR's own message texts) and the lints that name
//! ONR's surprising linking behaviour.

use crate::error::{code_table, Category, Coded, Lang};

/// Why ONR refuses a linking, unlinking or identification operation.
///
/// Each variant knows ONR's HTTP status ([`LinkError::http_status`]) and ONR's exact message
/// ([`LinkError::onr_message`], `None` where ONR sends none). Variants carry OIDs, never a hetu.
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::linking::LinkError;
///
/// let e = LinkError::AlreadyDuplicate { oid: "1.2.246.562.24.10000000003".into() };
/// assert_eq!(e.code(), "link.already_duplicate");
/// assert_eq!(e.http_status(), 400);
/// assert_eq!(e.onr_message().unwrap(), "Henkilo 1.2.246.562.24.10000000003is already a duplicate");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// The person given as master is itself a duplicate (HTTP 400).
    #[error("person {oid} is already a duplicate and cannot be a master")]
    AlreadyDuplicate {
        /// The person given as master.
        oid: String,
    },
    /// The person given as master does not exist (HTTP 404).
    #[error("person {oid} was not found")]
    MasterNotFound {
        /// The missing OID.
        oid: String,
    },
    /// A slave to be linked does not exist (HTTP 404); nothing is persisted.
    #[error("slave person {oid} was not found")]
    SlaveNotFound {
        /// The missing OID.
        oid: String,
    },
    /// More than one of the persons counts as identified (identified by any method or having a
    /// hetu), so no master can be chosen (HTTP 403).
    #[error("more than one of the persons is identified or has a hetu")]
    MoreThanOneIdentified,
    /// Force-linking a candidate that is strongly identified or has a hetu (HTTP 400, ONR sends
    /// no message).
    #[error("candidate {oid} is strongly identified or has a hetu and cannot be force-linked")]
    ForceLinkCandidateIdentified {
        /// The first offending candidate.
        oid: String,
    },
    /// Unlinking: the master does not exist (HTTP 404).
    #[error("person {oid} was not found")]
    UnlinkMasterNotFound {
        /// The missing master OID.
        oid: String,
    },
    /// Unlinking: the slave does not exist (HTTP 404; ONR's message names the master's OID).
    #[error("slave person {slave} was not found")]
    UnlinkSlaveNotFound {
        /// The missing slave OID.
        slave: String,
        /// The master OID, which ONR's message names instead of the slave.
        master: String,
    },
    /// Hetu collision during identification: the hetu's holder is VTJ-identified and the
    /// person is identified too (HTTP 400).
    #[error("persons {oid} and {holder} cannot be joined because both are identified")]
    BothIdentified {
        /// The person being identified.
        oid: String,
        /// The person that holds the hetu.
        holder: String,
    },
    /// More than one person holds the hetu (possible only in inconsistent data; ONR fails on a
    /// non-unique result, HTTP 409).
    #[error("more than one person holds the hetu")]
    HetuNotUnique,
    /// The person to identify or update does not exist (HTTP 404).
    #[error("person {oid} was not found")]
    PersonNotFound {
        /// The missing OID.
        oid: String,
    },
    /// VTJ identification of a person without a hetu (HTTP 400; the background job skips such
    /// persons silently).
    #[error("person {oid} has no hetu and cannot be identified")]
    HetuMissing {
        /// The person.
        oid: String,
    },
    /// VTJ identification of an eIDAS-identified person (suspended error `MUU`).
    #[error("person {oid} is eidas-identified")]
    EidasIdentified {
        /// The person.
        oid: String,
    },
    /// VTJ identification of a hetu whose individual number starts with 9 (suspended error
    /// `HETU_EI_OIKEA`).
    #[error("the hetu's individual number starts with 9 and is never identified against vtj")]
    TemporaryHetu,
    /// VTJ identification of a hetu shorter than 8 characters (ONR fails with a technical,
    /// retried error).
    #[error("the hetu is too short to be identified")]
    HetuTooShort,
    /// Hetu-less identification of a person who has a hetu (HTTP 400).
    #[error("person {oid} has a hetu and cannot be identified without one")]
    HasHetu {
        /// The person.
        oid: String,
    },
    /// `masterHenkilosByOidList` with more than 5000 OIDs (HTTP 400).
    #[error("at most 5000 persons can be fetched at once, got {count}")]
    TooManyOids {
        /// The number of OIDs asked for.
        count: usize,
    },
}

impl LinkError {
    /// The HTTP status ONR answers with.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::linking::LinkError::MoreThanOneIdentified.http_status(), 403);
    /// ```
    pub fn http_status(&self) -> u16 {
        match self {
            LinkError::MoreThanOneIdentified => 403,
            LinkError::MasterNotFound { .. }
            | LinkError::SlaveNotFound { .. }
            | LinkError::UnlinkMasterNotFound { .. }
            | LinkError::UnlinkSlaveNotFound { .. }
            | LinkError::PersonNotFound { .. } => 404,
            LinkError::HetuNotUnique => 409,
            LinkError::EidasIdentified { .. }
            | LinkError::TemporaryHetu
            | LinkError::HetuTooShort => 500,
            LinkError::AlreadyDuplicate { .. }
            | LinkError::ForceLinkCandidateIdentified { .. }
            | LinkError::BothIdentified { .. }
            | LinkError::HasHetu { .. }
            | LinkError::HetuMissing { .. }
            | LinkError::TooManyOids { .. } => 400,
        }
    }

    /// ONR's own message text, typos included (`None` where ONR sends no message or where the
    /// message would contain a hetu: those return only the part before the hetu through
    /// [`LinkError::onr_message_prefix`]).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::LinkError;
    /// let e = LinkError::UnlinkSlaveNotFound { slave: "S".into(), master: "M".into() };
    /// assert_eq!(e.onr_message().unwrap(), "User with oid M was not found");
    /// ```
    pub fn onr_message(&self) -> Option<String> {
        Some(match self {
            LinkError::AlreadyDuplicate { oid } => format!("Henkilo {oid}is already a duplicate"),
            LinkError::MasterNotFound { oid } | LinkError::UnlinkMasterNotFound { oid } => {
                format!("User with oid {oid} was not found")
            }
            LinkError::UnlinkSlaveNotFound { master, .. } => {
                format!("User with oid {master} was not found")
            }
            LinkError::SlaveNotFound { oid } => format!("Henkilo not found with given oid {oid}"),
            LinkError::MoreThanOneIdentified => "More than one identified Henkilo".to_owned(),
            LinkError::BothIdentified { oid, holder } => format!(
                "Henkilöitä {oid} ja {holder} ei voida yhdistää koska molemmat ovat jo yksilöity"
            ),
            LinkError::PersonNotFound { oid } => format!("Henkilo not found by oid {oid}"),
            LinkError::HetuMissing { oid } => {
                format!("Henkilöä '{oid}' ei voida yksilöidä koska hetu puuttuu")
            }
            LinkError::EidasIdentified { oid } => format!("Henkilö on eIDAS-yksilöity: {oid}"),
            LinkError::HasHetu { .. } => {
                "Henkilöllä on hetu, yksilöintiä ei voida tehdä".to_owned()
            }
            LinkError::TooManyOids { count } => {
                format!("Maximum amount of henkilös to be fetched is 5000. Tried to fetch:{count}")
            }
            LinkError::ForceLinkCandidateIdentified { .. }
            | LinkError::HetuNotUnique
            | LinkError::TemporaryHetu
            | LinkError::HetuTooShort => return None,
        })
    }

    /// The start of ONR's message for errors whose message ends with the hetu.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::LinkError;
    /// assert_eq!(LinkError::TemporaryHetu.onr_message_prefix(), Some("Henkilön hetu ei ole oikea: "));
    /// ```
    pub fn onr_message_prefix(&self) -> Option<&'static str> {
        match self {
            LinkError::TemporaryHetu => Some("Henkilön hetu ei ole oikea: "),
            _ => None,
        }
    }

    #[cold]
    pub(crate) fn not_found_master(oid: &str) -> Self {
        LinkError::MasterNotFound {
            oid: oid.to_owned(),
        }
    }

    #[cold]
    pub(crate) fn not_found_slave(oid: &str) -> Self {
        LinkError::SlaveNotFound {
            oid: oid.to_owned(),
        }
    }
}

code_table! {
    /// Every code of [`LinkError`], in the order of its variants.
    LinkError {
        LinkError::AlreadyDuplicate { .. } => "link.already_duplicate", Category::Consistency;
        LinkError::MasterNotFound { .. } => "link.master_not_found", Category::Consistency;
        LinkError::SlaveNotFound { .. } => "link.slave_not_found", Category::Consistency;
        LinkError::MoreThanOneIdentified => "link.more_than_one_identified", Category::Policy;
        LinkError::ForceLinkCandidateIdentified { .. } => "link.force_link_identified", Category::Policy;
        LinkError::UnlinkMasterNotFound { .. } => "link.unlink_master_not_found", Category::Consistency;
        LinkError::UnlinkSlaveNotFound { .. } => "link.unlink_slave_not_found", Category::Consistency;
        LinkError::BothIdentified { .. } => "link.both_identified", Category::Policy;
        LinkError::HetuNotUnique => "link.hetu_not_unique", Category::Consistency;
        LinkError::PersonNotFound { .. } => "link.person_not_found", Category::Consistency;
        LinkError::HetuMissing { .. } => "link.hetu_missing", Category::Policy;
        LinkError::EidasIdentified { .. } => "link.eidas_identified", Category::Policy;
        LinkError::TemporaryHetu => "link.temporary_hetu", Category::Policy;
        LinkError::HetuTooShort => "link.hetu_too_short", Category::Length;
        LinkError::HasHetu { .. } => "link.has_hetu", Category::Policy;
        LinkError::TooManyOids { .. } => "link.too_many_oids", Category::Policy;
    }
}

impl Coded for LinkError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        let fi_sv = |fi: String, sv: String| match lang {
            Lang::Fi => fi,
            Lang::Sv => sv,
            Lang::En => self.to_string(),
        };
        match self {
            LinkError::AlreadyDuplicate { oid } => fi_sv(
                format!("henkilö {oid} on jo duplikaatti eikä voi olla master"),
                format!("personen {oid} är redan en dubblett och kan inte vara master"),
            ),
            LinkError::MasterNotFound { oid }
            | LinkError::UnlinkMasterNotFound { oid }
            | LinkError::PersonNotFound { oid } => fi_sv(
                format!("henkilöä {oid} ei löytynyt"),
                format!("personen {oid} hittades inte"),
            ),
            LinkError::SlaveNotFound { oid } | LinkError::UnlinkSlaveNotFound { slave: oid, .. } => {
                fi_sv(
                    format!("linkitettävää henkilöä {oid} ei löytynyt"),
                    format!("personen {oid} som ska länkas hittades inte"),
                )
            }
            LinkError::MoreThanOneIdentified => fi_sv(
                "useampi kuin yksi henkilöistä on yksilöity tai hetullinen".to_owned(),
                "fler än en av personerna är identifierad eller har personbeteckning".to_owned(),
            ),
            LinkError::ForceLinkCandidateIdentified { oid } => fi_sv(
                format!("henkilö {oid} on vahvasti yksilöity tai hetullinen eikä sitä voi pakkolinkittää"),
                format!("personen {oid} är starkt identifierad eller har personbeteckning och kan inte tvångslänkas"),
            ),
            LinkError::BothIdentified { oid, holder } => fi_sv(
                format!("henkilöitä {oid} ja {holder} ei voida yhdistää koska molemmat ovat jo yksilöity"),
                format!("personerna {oid} och {holder} kan inte förenas eftersom båda redan är identifierade"),
            ),
            LinkError::HetuNotUnique => fi_sv(
                "hetu on usealla henkilöllä".to_owned(),
                "personbeteckningen finns hos flera personer".to_owned(),
            ),
            LinkError::HetuMissing { oid } => fi_sv(
                format!("henkilöä {oid} ei voida yksilöidä koska hetu puuttuu"),
                format!("personen {oid} kan inte identifieras eftersom personbeteckning saknas"),
            ),
            LinkError::EidasIdentified { oid } => fi_sv(
                format!("henkilö {oid} on eidas-yksilöity"),
                format!("personen {oid} är eidas-identifierad"),
            ),
            LinkError::TemporaryHetu => fi_sv(
                "hetun yksilönumero alkaa 9:llä eikä sitä yksilöidä vtj:stä".to_owned(),
                "personbeteckningens individnummer börjar med 9 och identifieras aldrig mot bdi".to_owned(),
            ),
            LinkError::HetuTooShort => fi_sv(
                "hetu on liian lyhyt yksilöitäväksi".to_owned(),
                "personbeteckningen är för kort för identifiering".to_owned(),
            ),
            LinkError::HasHetu { oid } => fi_sv(
                format!("henkilöllä {oid} on hetu, hetutonta yksilöintiä ei voida tehdä"),
                format!("personen {oid} har personbeteckning och kan inte identifieras utan"),
            ),
            LinkError::TooManyOids { count } => fi_sv(
                format!("kerralla voi hakea enintään 5000 henkilöä, pyydettiin {count}"),
                format!("högst 5000 personer kan hämtas på en gång, begärdes {count}"),
            ),
        }
    }
}

/// A surprising effect of an ONR linking operation, reproduced by the model and named here so
/// a caller can warn about it. Lints never change the outcome.
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::linking::LinkLint;
///
/// let l = LinkLint::SilentReactivation { oid: "1.2.246.562.24.10000000003".into() };
/// assert_eq!(l.code(), "link.lint.silent_reactivation");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LinkLint {
    /// Linking re-activated a passivated master without the superuser check that re-activation
    /// otherwise needs (even `link(P, [])` does it).
    #[error("linking re-activated the passivated master {oid} without a superuser check")]
    SilentReactivation {
        /// The master.
        oid: String,
    },
    /// The master was chosen because it has a hetu although it is not identified by any method.
    #[error("{oid} became master only because it has a hetu, without being identified")]
    HetuCountsAsIdentified {
        /// The master.
        oid: String,
    },
    /// The person's own OID among the candidates was silently ignored.
    #[error("the person's own oid {oid} among the candidates was ignored")]
    SelfLinkIgnored {
        /// The person.
        oid: String,
    },
    /// The response lists a slave twice (the new master's former master was also a candidate).
    #[error("the response lists {oid} twice")]
    RepeatedSlaveInResponse {
        /// The repeated OID.
        oid: String,
    },
    /// Re-pointing a slave's slaves created a second identical link row.
    #[error("re-pointing created a second link row {master} -> {slave}")]
    DuplicateLinkRow {
        /// Master of the repeated row.
        master: String,
        /// Slave of the repeated row.
        slave: String,
    },
    /// Unlink cleared the duplicate and passivated flags of a person who was not linked to the
    /// given master.
    #[error("unlink cleared the flags of {slave}, which was not linked to {master}")]
    UnlinkWithoutLink {
        /// The given master.
        master: String,
        /// The person whose flags were cleared.
        slave: String,
    },
    /// Unlink re-activated a person that was passivated without being a duplicate (passivated
    /// for another reason, e.g. death).
    #[error("unlink re-activated {oid}, which was passivated for another reason")]
    UnlinkReactivatesOtherPassivation {
        /// The person.
        oid: String,
    },
    /// After unlink the person is still the slave of another master but no longer flagged
    /// duplicate.
    #[error("{oid} is still linked to another master but no longer flagged duplicate")]
    StillLinkedButNotDuplicate {
        /// The person.
        oid: String,
    },
    /// Unlink does not revert what linking merged (identifications, citizenships, mother
    /// tongue), the removed hetu or the cleared guardians.
    #[error("unlinking {slave} from {master} does not revert merged data")]
    MergeNotReverted {
        /// The master.
        master: String,
        /// The former slave.
        slave: String,
    },
    /// Hetu-less identification cleared `duplicate` of a person that is still linked as a slave.
    #[error("identification cleared the duplicate flag of {oid}, which stays linked as a slave")]
    IdentifiedSlaveKeepsLink {
        /// The person.
        oid: String,
    },
    /// Passivation through `DELETE /henkilo/{oid}` does not reach the change feed.
    #[error("passivating {oid} does not appear in the change feed")]
    PassivationNotInChangeFeed {
        /// The person.
        oid: String,
    },
}

code_table! {
    /// Every code of [`LinkLint`], in the order of its variants.
    LinkLint {
        LinkLint::SilentReactivation { .. } => "link.lint.silent_reactivation", Category::Consistency;
        LinkLint::HetuCountsAsIdentified { .. } => "link.lint.hetu_counts_as_identified", Category::Consistency;
        LinkLint::SelfLinkIgnored { .. } => "link.lint.self_link_ignored", Category::Consistency;
        LinkLint::RepeatedSlaveInResponse { .. } => "link.lint.repeated_slave_in_response", Category::Consistency;
        LinkLint::DuplicateLinkRow { .. } => "link.lint.duplicate_link_row", Category::Consistency;
        LinkLint::UnlinkWithoutLink { .. } => "link.lint.unlink_without_link", Category::Consistency;
        LinkLint::UnlinkReactivatesOtherPassivation { .. } => "link.lint.unlink_reactivates_other_passivation", Category::Consistency;
        LinkLint::StillLinkedButNotDuplicate { .. } => "link.lint.still_linked_not_duplicate", Category::Consistency;
        LinkLint::MergeNotReverted { .. } => "link.lint.merge_not_reverted", Category::Consistency;
        LinkLint::IdentifiedSlaveKeepsLink { .. } => "link.lint.identified_slave_keeps_link", Category::Consistency;
        LinkLint::PassivationNotInChangeFeed { .. } => "link.lint.passivation_not_in_change_feed", Category::Consistency;
    }
}

impl Coded for LinkLint {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        let pick = |fi: String, sv: String| match lang {
            Lang::Fi => fi,
            Lang::Sv => sv,
            Lang::En => self.to_string(),
        };
        match self {
            LinkLint::SilentReactivation { oid } => pick(
                format!("linkitys aktivoi passivoidun masterin {oid} ilman rekisterinpitäjän oikeutta"),
                format!("länkningen återaktiverade den passiverade mastern {oid} utan registeransvarigs behörighet"),
            ),
            LinkLint::HetuCountsAsIdentified { oid } => pick(
                format!("{oid} valittiin masteriksi vain hetun perusteella, vaikka sitä ei ole yksilöity"),
                format!("{oid} valdes till master endast för att den har personbeteckning, utan att vara identifierad"),
            ),
            LinkLint::SelfLinkIgnored { oid } => pick(
                format!("henkilön oma oid {oid} ohitettiin linkitettävistä"),
                format!("personens egen oid {oid} bland kandidaterna ignorerades"),
            ),
            LinkLint::RepeatedSlaveInResponse { oid } => pick(
                format!("vastaus sisältää oidin {oid} kahdesti"),
                format!("svaret innehåller {oid} två gånger"),
            ),
            LinkLint::DuplicateLinkRow { master, slave } => pick(
                format!("uudelleenlinkitys loi toisen samanlaisen viitteen {master} -> {slave}"),
                format!("omlänkningen skapade en andra likadan länk {master} -> {slave}"),
            ),
            LinkLint::UnlinkWithoutLink { master, slave } => pick(
                format!("linkityksen purku nollasi henkilön {slave} liput, vaikka sitä ei ollut linkitetty henkilöön {master}"),
                format!("avlänkningen nollställde flaggorna för {slave}, som inte var länkad till {master}"),
            ),
            LinkLint::UnlinkReactivatesOtherPassivation { oid } => pick(
                format!("linkityksen purku aktivoi henkilön {oid}, joka oli passivoitu muusta syystä"),
                format!("avlänkningen återaktiverade {oid}, som var passiverad av annan orsak"),
            ),
            LinkLint::StillLinkedButNotDuplicate { oid } => pick(
                format!("{oid} on yhä linkitetty toiseen masteriin, mutta ei enää duplikaatti"),
                format!("{oid} är fortfarande länkad till en annan master men inte längre dubblett"),
            ),
            LinkLint::MergeNotReverted { master, slave } => pick(
                format!("linkityksen purku henkilöiden {master} ja {slave} välillä ei palauta yhdistettyjä tietoja"),
                format!("avlänkningen av {slave} från {master} återställer inte sammanslagna uppgifter"),
            ),
            LinkLint::IdentifiedSlaveKeepsLink { oid } => pick(
                format!("yksilöinti poisti henkilön {oid} duplikaattitiedon, mutta linkitys säilyy"),
                format!("identifieringen tog bort dubblettflaggan för {oid}, men länken finns kvar"),
            ),
            LinkLint::PassivationNotInChangeFeed { oid } => pick(
                format!("henkilön {oid} passivointi ei näy muutosrajapinnassa"),
                format!("passiveringen av {oid} syns inte i ändringsflödet"),
            ),
        }
    }
}
