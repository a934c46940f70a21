//! LINTS (warnings beyond ONR's verdict): what ONR accepts but loses, mixes up or flags.
//!
//! A lint never changes ONR's verdict; a row with only lints is still `accepted`. Each lint
//! has a stable code, a category and messages in English, Finnish and Swedish, and never holds
//! a hetu or a name (a typo suggestion names the positions to check, not the code).
//!
//! | code | what |
//! |---|---|
//! | `import.lint.empty_hetu` | `hetu: ""` counts as an identifier and passes the Finnish-citizen rule, but the person gets no hetu |
//! | `import.lint.empty_hetu_merged` | rows with `hetu: ""` in the same chunk of 100 all resolve to one person |
//! | `import.lint.kutsumanimi_not_in_etunimet` | kutsumanimi is not one of the first names (ONR's service rule by default; ONR does not check it on import) |
//! | `import.lint.unknown_oid` | the OID is not a known person: ONR ignores it and creates a new person with a new OID |
//! | `import.lint.oid_format` | the OID is not a valid person OID of the environment, so ONR cannot know it |
//! | `import.lint.temporary_hetu` | a temporary 9xx hetu: rejected in production, never identified by VTJ |
//! | `import.lint.blank_passinumero` | a whitespace-only passport number counts as an identifier but is dropped |
//! | `import.lint.untrimmed_name` | a name with leading or trailing whitespace, stored as written |
//! | `import.lint.blank_name` | a whitespace-only name passes ONR's "not empty" rule |
//! | `import.lint.birth_date_mismatch` | `syntymaaika` differs from the hetu's date (ONR keeps the hetu's) |
//! | `import.lint.sex_mismatch` | `sukupuoli` differs from the hetu's (ONR keeps the hetu's) |
//! | `import.lint.likely_duplicate` | names and birth date trigram-similar (≥ 0.5) to another person of the batch |
//! | `import.lint.existing_duplicates` | ONR's duplicate search lists existing persons as duplicate candidates of the row |
//! | `import.lint.name_too_long` | a name longer than ONR's database column (255 characters): the batch is accepted, but processing stops at the row's chunk |
//! | `import.lint.same_person_other_identifiers` | same names and birth date as an earlier row, but it resolves to another person |
//! | `import.lint.name_conflict` | the names do not match the person the row resolves to: ONR flags a conflict |
//! | `import.lint.hetu_typo` | an invalid hetu one typo away from a valid one |
//! | `import.lint.email_not_strict` | `sahkoposti` is accepted by the import but not by ONR's strict contact rule |
//! | `import.lint.sent_conflict` | the row carries ONR's output field `conflict`: ONR reads and keeps it, so `true` is stored as a name conflict whatever the names |
//!
//! # Example
//!
//! ```
//! use onr_core::{error::Coded, import::lint::Lint, Lang};
//! let lint = Lint::EmptyHetu { finnish: true };
//! assert_eq!(lint.code(), "import.lint.empty_hetu");
//! assert!(lint.message(Lang::Fi).contains("henkilötunnus"));
//! ```

use std::fmt;

use crate::error::{code_table, Category, Coded, Lang};
use crate::hetu::Edit;

use super::model::IdKind;
use super::person_rules::KutsumanimiRule;

/// A name field of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum NameField {
    /// `etunimet`.
    Etunimet,
    /// `kutsumanimi`.
    Kutsumanimi,
    /// `sukunimi`.
    Sukunimi,
}

impl NameField {
    /// ONR's field name.
    pub const fn as_str(self) -> &'static str {
        match self {
            NameField::Etunimet => "etunimet",
            NameField::Kutsumanimi => "kutsumanimi",
            NameField::Sukunimi => "sukunimi",
        }
    }
}

/// A warning about a row: something ONR accepts but that is probably not meant.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Lint {
    /// `hetu` is `""`; `finnish` when a citizenship is `246` (the Finnish-citizen rule is
    /// escaped too).
    EmptyHetu {
        /// Whether the row has citizenship 246.
        finnish: bool,
    },
    /// The row resolves to the person of an earlier row of the same chunk through `hetu: ""`.
    EmptyHetuMerged {
        /// The 0-based index of the earlier row.
        row: usize,
    },
    /// Kutsumanimi is not valid for etunimet under the rule.
    KutsumanimiNotInEtunimet {
        /// The rule applied.
        rule: KutsumanimiRule,
    },
    /// The OID is not known: ONR creates a new person with a new OID.
    UnknownOid,
    /// The OID is not a valid person OID of the environment.
    OidFormat,
    /// A temporary hetu (individual number 900–999); the checker reports it for production
    /// batches, where ONR rejects it.
    TemporaryHetu {
        /// Whether the batch is for production (where ONR rejects it).
        production: bool,
    },
    /// `passinumero` holds only whitespace.
    BlankPassinumero,
    /// A name with leading or trailing whitespace.
    UntrimmedName {
        /// Which name.
        field: NameField,
    },
    /// A name of whitespace only.
    BlankName {
        /// Which name.
        field: NameField,
    },
    /// `syntymaaika` differs from the hetu's birth date.
    BirthDateMismatch,
    /// `sukupuoli` differs from the hetu's sex.
    SexMismatch,
    /// Names and birth date trigram-similar to another row's (earlier or later), which
    /// resolves to another person: ONR's duplicate search will list the two as candidates.
    LikelyDuplicate {
        /// The 0-based index of the other row.
        row: usize,
        /// pg_trgm similarity of the two search strings.
        similarity: f32,
    },
    /// Same names and birth date as an earlier row that resolves to another person.
    SamePersonOtherIdentifiers {
        /// The 0-based index of the earlier row.
        row: usize,
    },
    /// The names do not match the person the row resolves to: ONR sets `conflict`.
    NameConflict {
        /// The earlier row whose person it is, if the person comes from this batch.
        row: Option<usize>,
    },
    /// An invalid hetu one typo away from valid codes.
    HetuTypo {
        /// The most likely typo.
        edit: Edit,
        /// How many valid codes are one typo away.
        candidates: u8,
    },
    /// `sahkoposti` is well-formed for the import but fails the strict contact rule.
    EmailNotStrict,
    /// ONR's duplicate search (trigram similarity of names and birth date) lists existing
    /// persons as duplicate candidates of the row; which ones is in the row report.
    ExistingDuplicates {
        /// How many existing persons are listed.
        candidates: u32,
        /// The similarity of the most similar one.
        best: f32,
    },
    /// The row carries `conflict`, an output field of ONR's row DTO that ONR nevertheless
    /// reads and keeps (processing only ever sets it to true): `true` is stored as a name
    /// conflict even when the names match or a new person is created; `false` is harmless
    /// but ignored.
    SentConflict {
        /// The value sent.
        value: bool,
    },
    /// A name longer than ONR's database columns hold ([`MAX_NAME_CHARS`] characters,
    /// `varchar(255)` in ONR's schema). ONR's import accepts the request (its DTO has no
    /// maximum), but when the row creates or updates a person the database refuses the
    /// value: the transaction of the row's chunk of 100 rolls back, and ONR's import job
    /// stops there ("Unexpected failure. Stopping execution."): that chunk and every later one
    /// are never processed until the import is restarted by hand. The checker does not
    /// compare such a name (name conflicts, duplicates), which also keeps a row's cost
    /// bounded.
    NameTooLong {
        /// Which name.
        field: NameField,
    },
}

/// The longest name ONR's database stores, in characters (`etunimet`, `kutsumanimi` and
/// `sukunimi` are `varchar(255)` in ONR's schema migrations).
pub const MAX_NAME_CHARS: usize = 255;

impl Lint {
    /// The ONR field the lint is about, relative to `henkilot[i].henkilo` (`None` for the
    /// whole row).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::lint::Lint;
    /// assert_eq!(Lint::BlankPassinumero.field(), Some("passinumero"));
    /// ```
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            Lint::EmptyHetu { .. }
            | Lint::EmptyHetuMerged { .. }
            | Lint::TemporaryHetu { .. }
            | Lint::HetuTypo { .. } => "hetu",
            Lint::KutsumanimiNotInEtunimet { .. } => "kutsumanimi",
            Lint::UnknownOid | Lint::OidFormat => "oid",
            Lint::BlankPassinumero => "passinumero",
            Lint::UntrimmedName { field }
            | Lint::BlankName { field }
            | Lint::NameTooLong { field } => field.as_str(),
            Lint::BirthDateMismatch => "syntymaaika",
            Lint::SexMismatch => "sukupuoli",
            Lint::EmailNotStrict => "sahkoposti",
            Lint::LikelyDuplicate { .. }
            | Lint::ExistingDuplicates { .. }
            | Lint::SentConflict { .. }
            | Lint::SamePersonOtherIdentifiers { .. }
            | Lint::NameConflict { .. } => return None,
        })
    }

    /// The earlier row the lint refers to, if any.
    pub fn related_row(&self) -> Option<usize> {
        match *self {
            Lint::EmptyHetuMerged { row }
            | Lint::LikelyDuplicate { row, .. }
            | Lint::SamePersonOtherIdentifiers { row } => Some(row),
            Lint::NameConflict { row } => row,
            _ => None,
        }
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn edit_text(edit: Edit, lang: Lang) -> String {
    match (edit, lang) {
        (Edit::Transposition { position }, Lang::En) => {
            format!("characters {} and {} swapped?", position + 1, position + 2)
        }
        (Edit::Transposition { position }, Lang::Fi) => format!(
            "merkit {} ja {} vaihtaneet paikkaa?",
            position + 1,
            position + 2
        ),
        (Edit::Transposition { position }, Lang::Sv) => {
            format!("tecknen {} och {} omkastade?", position + 1, position + 2)
        }
        (Edit::Substitution { position }, Lang::En) => {
            format!("check character {}", position + 1)
        }
        (Edit::Substitution { position }, Lang::Fi) => {
            format!("tarkista merkki {}", position + 1)
        }
        (Edit::Substitution { position }, Lang::Sv) => {
            format!("kontrollera tecken {}", position + 1)
        }
        (_, Lang::En) => "remove spaces, use ASCII dashes and upper case".into(),
        (_, Lang::Fi) => "poista välilyönnit, käytä tavallista viivaa ja isoja kirjaimia".into(),
        (_, Lang::Sv) => "ta bort mellanslag, använd vanligt bindestreck och versaler".into(),
    }
}

code_table! {
    /// Every lint code, for documentation and binding tests.
    Lint {
        Lint::EmptyHetu { .. } => "import.lint.empty_hetu", Category::Consistency;
        Lint::EmptyHetuMerged { .. } => "import.lint.empty_hetu_merged", Category::Consistency;
        Lint::KutsumanimiNotInEtunimet { .. } => "import.lint.kutsumanimi_not_in_etunimet", Category::Consistency;
        Lint::UnknownOid => "import.lint.unknown_oid", Category::Consistency;
        Lint::OidFormat => "import.lint.oid_format", Category::Format;
        Lint::TemporaryHetu { .. } => "import.lint.temporary_hetu", Category::Policy;
        Lint::BlankPassinumero => "import.lint.blank_passinumero", Category::Format;
        Lint::UntrimmedName { .. } => "import.lint.untrimmed_name", Category::Format;
        Lint::BlankName { .. } => "import.lint.blank_name", Category::Format;
        Lint::BirthDateMismatch => "import.lint.birth_date_mismatch", Category::Consistency;
        Lint::SexMismatch => "import.lint.sex_mismatch", Category::Consistency;
        Lint::LikelyDuplicate { .. } => "import.lint.likely_duplicate", Category::Consistency;
        Lint::SamePersonOtherIdentifiers { .. } => "import.lint.same_person_other_identifiers", Category::Consistency;
        Lint::NameConflict { .. } => "import.lint.name_conflict", Category::Consistency;
        Lint::HetuTypo { .. } => "import.lint.hetu_typo", Category::Checksum;
        Lint::EmailNotStrict => "import.lint.email_not_strict", Category::Format;
        Lint::ExistingDuplicates { .. } => "import.lint.existing_duplicates", Category::Consistency;
        Lint::SentConflict { .. } => "import.lint.sent_conflict", Category::Consistency;
        Lint::NameTooLong { .. } => "import.lint.name_too_long", Category::Length;
    }
}

impl Coded for Lint {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (*self, lang) {
            (Lint::EmptyHetu { finnish }, En) => format!(
                "hetu is \"\": ONR counts it as an identifier{} but the person gets no hetu",
                if finnish { " and as the hetu a Finnish citizen needs" } else { "" }
            ),
            (Lint::EmptyHetu { finnish }, Fi) => format!(
                "henkilötunnus on \"\": ONR hyväksyy sen tunnisteeksi{}, mutta henkilölle ei tallennu henkilötunnusta",
                if finnish { " ja Suomen kansalaisen henkilötunnukseksi" } else { "" }
            ),
            (Lint::EmptyHetu { finnish }, Sv) => format!(
                "personbeteckningen är \"\": ONR godkänner den som identifierare{}, men personen får ingen personbeteckning",
                if finnish { " och som en finsk medborgares personbeteckning" } else { "" }
            ),
            (Lint::EmptyHetuMerged { row }, En) => format!(
                "hetu \"\" was also given on row {row} of the same chunk of 100: ONR attaches both rows to one person"
            ),
            (Lint::EmptyHetuMerged { row }, Fi) => format!(
                "henkilötunnus \"\" annettiin myös rivillä {row} samassa 100 rivin erässä: ONR liittää molemmat rivit samaan henkilöön"
            ),
            (Lint::EmptyHetuMerged { row }, Sv) => format!(
                "personbeteckningen \"\" angavs också på rad {row} i samma omgång på 100 rader: ONR kopplar båda raderna till samma person"
            ),
            (Lint::KutsumanimiNotInEtunimet { rule }, En) => format!(
                "kutsumanimi is not one of the first names ({rule} rule); ONR's import does not check it, but later updates of the person will fail"
            ),
            (Lint::KutsumanimiNotInEtunimet { rule }, Fi) => format!(
                "kutsumanimi ei ole yksi etunimistä ({rule}-sääntö); ONR:n tuonti ei tarkista sitä, mutta henkilön myöhemmät päivitykset epäonnistuvat"
            ),
            (Lint::KutsumanimiNotInEtunimet { rule }, Sv) => format!(
                "tilltalsnamnet är inte ett av förnamnen ({rule}-regeln); ONR:s import kontrollerar det inte, men senare uppdateringar av personen misslyckas"
            ),
            (Lint::UnknownOid, En) => "no person has this OID: ONR ignores it and creates a new person with a new OID".into(),
            (Lint::UnknownOid, Fi) => "tällä OID:llä ei ole henkilöä: ONR ohittaa sen ja luo uuden henkilön uudella OID:llä".into(),
            (Lint::UnknownOid, Sv) => "ingen person har detta OID: ONR ignorerar det och skapar en ny person med ett nytt OID".into(),
            (Lint::OidFormat, En) => "not a valid person OID of this environment: ONR does not check OIDs, ignores one it does not know and creates a new person".into(),
            (Lint::OidFormat, Fi) => "ei tämän ympäristön kelvollinen henkilö-OID: ONR ei tarkista OID:itä, ohittaa tuntemattoman ja luo uuden henkilön".into(),
            (Lint::OidFormat, Sv) => "inte ett giltigt person-OID i denna miljö: ONR kontrollerar inte OID, ignorerar ett okänt och skapar en ny person".into(),
            (Lint::TemporaryHetu { production: true }, En) => "temporary individual number 900-999: rejected in production (accepted only in ONR's test environments)".into(),
            (Lint::TemporaryHetu { production: true }, Fi) => "väliaikainen yksilönumero 900-999: hylätään tuotannossa (hyväksytään vain ONR:n testiympäristöissä)".into(),
            (Lint::TemporaryHetu { production: true }, Sv) => "tillfälligt individnummer 900-999: avvisas i produktionen (godkänns bara i ONR:s testmiljöer)".into(),
            (Lint::TemporaryHetu { production: false }, En) => "temporary individual number 900-999: accepted in test environments, but VTJ never identifies the person".into(),
            (Lint::TemporaryHetu { production: false }, Fi) => "väliaikainen yksilönumero 900-999: hyväksytään testiympäristöissä, mutta VTJ ei koskaan yksilöi henkilöä".into(),
            (Lint::TemporaryHetu { production: false }, Sv) => "tillfälligt individnummer 900-999: godkänns i testmiljöer, men BDS identifierar aldrig personen".into(),
            (Lint::BlankPassinumero, En) => "passport number is only whitespace: ONR counts it as an identifier but drops it when creating the person".into(),
            (Lint::BlankPassinumero, Fi) => "passinumero on pelkkää tyhjää: ONR hyväksyy sen tunnisteeksi mutta jättää sen pois henkilöä luodessaan".into(),
            (Lint::BlankPassinumero, Sv) => "passnumret består bara av blanktecken: ONR godkänner det som identifierare men utelämnar det när personen skapas".into(),
            (Lint::UntrimmedName { field }, En) => format!("{} has leading or trailing whitespace, stored as written", field.as_str()),
            (Lint::UntrimmedName { field }, Fi) => format!("kentän {} alussa tai lopussa on tyhjää, tallennetaan sellaisenaan", field.as_str()),
            (Lint::UntrimmedName { field }, Sv) => format!("{} har inledande eller avslutande blanktecken, sparas som det är", field.as_str()),
            (Lint::BlankName { field }, En) => format!("{} is only whitespace: ONR accepts it as not empty", field.as_str()),
            (Lint::BlankName { field }, Fi) => format!("{} on pelkkää tyhjää: ONR hyväksyy sen ei-tyhjänä", field.as_str()),
            (Lint::BlankName { field }, Sv) => format!("{} består bara av blanktecken: ONR godkänner det som icke-tomt", field.as_str()),
            (Lint::BirthDateMismatch, En) => "syntymaaika differs from the hetu's birth date; ONR stores the hetu's".into(),
            (Lint::BirthDateMismatch, Fi) => "syntymäaika poikkeaa henkilötunnuksen syntymäajasta; ONR tallentaa henkilötunnuksen mukaisen".into(),
            (Lint::BirthDateMismatch, Sv) => "födelsedatumet skiljer sig från personbeteckningens; ONR sparar personbeteckningens".into(),
            (Lint::SexMismatch, En) => "sukupuoli differs from the hetu's sex; ONR stores the hetu's".into(),
            (Lint::SexMismatch, Fi) => "sukupuoli poikkeaa henkilötunnuksen mukaisesta; ONR tallentaa henkilötunnuksen mukaisen".into(),
            (Lint::SexMismatch, Sv) => "könet skiljer sig från personbeteckningens; ONR sparar personbeteckningens".into(),
            (Lint::LikelyDuplicate { row, similarity }, En) => format!(
                "ONR's duplicate search will list this row and row {row} as duplicate candidates (names and birth date {:.0} % similar); ONR imports them as separate persons", (similarity * 100.0).floor()),
            (Lint::LikelyDuplicate { row, similarity }, Fi) => format!(
                "ONR:n duplikaattihaku listaa tämän rivin ja rivin {row} duplikaattiehdokkaiksi (nimet ja syntymäaika {:.0} % samankaltaiset); ONR tuo ne erillisinä henkilöinä", (similarity * 100.0).floor()),
            (Lint::LikelyDuplicate { row, similarity }, Sv) => format!(
                "ONR:s dubblettsökning listar denna rad och rad {row} som dubblettkandidater (namn och födelsedatum {:.0} % lika); ONR importerar dem som separata personer", (similarity * 100.0).floor()),
            (Lint::SamePersonOtherIdentifiers { row }, En) => format!(
                "same names and birth date as row {row}, but different identifiers: ONR will keep two persons"),
            (Lint::SamePersonOtherIdentifiers { row }, Fi) => format!(
                "samat nimet ja syntymäaika kuin rivillä {row}, mutta eri tunnisteet: ONR:ään tulee kaksi henkilöä"),
            (Lint::SamePersonOtherIdentifiers { row }, Sv) => format!(
                "samma namn och födelsedatum som på rad {row}, men andra identifierare: ONR får två personer"),
            (Lint::NameConflict { row: Some(row) }, En) => format!(
                "the names do not match those of row {row}, whose person this row is attached to: ONR flags a conflict"),
            (Lint::NameConflict { row: Some(row) }, Fi) => format!(
                "nimet eivät vastaa rivin {row} nimiä, jonka henkilöön tämä rivi liitetään: ONR merkitsee ristiriidan"),
            (Lint::NameConflict { row: Some(row) }, Sv) => format!(
                "namnen stämmer inte med namnen på rad {row}, vars person raden kopplas till: ONR flaggar en konflikt"),
            (Lint::NameConflict { row: None }, En) => "the names do not match the existing person's: ONR flags a conflict".into(),
            (Lint::NameConflict { row: None }, Fi) => "nimet eivät vastaa olemassa olevan henkilön nimiä: ONR merkitsee ristiriidan".into(),
            (Lint::NameConflict { row: None }, Sv) => "namnen stämmer inte med den befintliga personens: ONR flaggar en konflikt".into(),
            (Lint::HetuTypo { edit, candidates }, En) => format!(
                "probably a typo: {} ({candidates} valid code(s) one edit away)", edit_text(edit, En)),
            (Lint::HetuTypo { edit, candidates }, Fi) => format!(
                "todennäköisesti kirjoitusvirhe: {} ({candidates} kelvollista tunnusta yhden muutoksen päässä)", edit_text(edit, Fi)),
            (Lint::HetuTypo { edit, candidates }, Sv) => format!(
                "troligen ett skrivfel: {} ({candidates} giltiga beteckningar en ändring bort)", edit_text(edit, Sv)),
            (Lint::EmailNotStrict, En) => "ONR's import accepts this e-mail address, but ONR's contact information would not (a top-level domain is needed)".into(),
            (Lint::EmailNotStrict, Fi) => "ONR:n tuonti hyväksyy tämän sähköpostiosoitteen, mutta ONR:n yhteystiedot eivät (ylätason verkkotunnus tarvitaan)".into(),
            (Lint::EmailNotStrict, Sv) => "ONR:s import godkänner denna e-postadress, men ONR:s kontaktuppgifter skulle inte göra det (toppdomän krävs)".into(),
            (Lint::SentConflict { value: true }, En) => "the row sends `conflict: true`, an output field ONR keeps: ONR stores the row as a name conflict whatever the names".into(),
            (Lint::SentConflict { value: true }, Fi) => "rivillä on `conflict: true`, ONR:n tulostekenttä, jonka ONR säilyttää: rivi tallentuu nimiristiriidaksi nimistä riippumatta".into(),
            (Lint::SentConflict { value: true }, Sv) => "raden skickar `conflict: true`, ett utdatafält som ONR behåller: raden lagras som en namnkonflikt oavsett namnen".into(),
            (Lint::SentConflict { value: false }, En) => "the row sends `conflict`, an output field of ONR: leave it out (ONR reads it, and `true` would be stored as a name conflict)".into(),
            (Lint::SentConflict { value: false }, Fi) => "rivillä on `conflict`, ONR:n tulostekenttä: jätä se pois (ONR lukee sen, ja `true` tallentuisi nimiristiriidaksi)".into(),
            (Lint::SentConflict { value: false }, Sv) => "raden skickar `conflict`, ett utdatafält i ONR: utelämna det (ONR läser det, och `true` skulle lagras som en namnkonflikt)".into(),
            (Lint::NameTooLong { field }, En) => format!(
                "{} is longer than the {MAX_NAME_CHARS} characters ONR's database holds: ONR accepts the batch, but its processing fails at this row's chunk of 100 rows and stops there",
                field.as_str()
            ),
            (Lint::NameTooLong { field }, Fi) => format!(
                "{} on pidempi kuin ONR:n tietokantaan mahtuvat {MAX_NAME_CHARS} merkkiä: ONR hyväksyy erän, mutta sen käsittely epäonnistuu tämän rivin 100 rivin osassa ja pysähtyy siihen",
                field.as_str()
            ),
            (Lint::NameTooLong { field }, Sv) => format!(
                "{} är längre än de {MAX_NAME_CHARS} tecken som ONR:s databas rymmer: ONR godkänner partiet, men behandlingen misslyckas i denna rads del om 100 rader och stannar där",
                field.as_str()
            ),
            (Lint::ExistingDuplicates { candidates, best }, En) => format!(
                "ONR's duplicate search lists {candidates} existing person(s) as duplicate candidates (names and birth date up to {:.0} % similar)", best * 100.0),
            (Lint::ExistingDuplicates { candidates, best }, Fi) => format!(
                "ONR:n duplikaattihaku löytää {candidates} olemassa olevaa henkilöä duplikaattiehdokkaiksi (nimet ja syntymäaika enintään {:.0} % samankaltaiset)", best * 100.0),
            (Lint::ExistingDuplicates { candidates, best }, Sv) => format!(
                "ONR:s dubblettsökning hittar {candidates} befintliga personer som dubblettkandidater (namn och födelsedatum upp till {:.0} % lika)", best * 100.0),
        }
    }
}

/// Which identifier ONR will match a row by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MatchBy {
    /// The OID.
    Oid,
    /// The current hetu.
    Hetu,
    /// A former hetu (hetu history; it wins over another person's current hetu).
    HetuHistory,
    /// A passport number.
    Passinumero,
    /// An e-mail identification.
    Sahkoposti,
}

impl MatchBy {
    /// The stable name: `oid`, `hetu`, `hetu_history`, `passinumero`, `sahkoposti`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchBy::Oid => "oid",
            MatchBy::Hetu => "hetu",
            MatchBy::HetuHistory => "hetu_history",
            MatchBy::Passinumero => "passinumero",
            MatchBy::Sahkoposti => "sahkoposti",
        }
    }

    /// The identifier kind.
    pub const fn kind(self) -> IdKind {
        match self {
            MatchBy::Oid => IdKind::Oid,
            MatchBy::Hetu | MatchBy::HetuHistory => IdKind::Hetu,
            MatchBy::Passinumero => IdKind::Passinumero,
            MatchBy::Sahkoposti => IdKind::Sahkoposti,
        }
    }

    /// The plain match of an identifier kind.
    pub const fn of(kind: IdKind) -> MatchBy {
        match kind {
            IdKind::Oid => MatchBy::Oid,
            IdKind::Hetu => MatchBy::Hetu,
            IdKind::Passinumero => MatchBy::Passinumero,
            IdKind::Sahkoposti => MatchBy::Sahkoposti,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_has_three_messages_without_final_period() {
        let all = [
            Lint::EmptyHetu { finnish: true },
            Lint::EmptyHetuMerged { row: 1 },
            Lint::KutsumanimiNotInEtunimet {
                rule: KutsumanimiRule::Service,
            },
            Lint::UnknownOid,
            Lint::OidFormat,
            Lint::TemporaryHetu { production: true },
            Lint::BlankPassinumero,
            Lint::UntrimmedName {
                field: NameField::Sukunimi,
            },
            Lint::BlankName {
                field: NameField::Etunimet,
            },
            Lint::BirthDateMismatch,
            Lint::SexMismatch,
            Lint::LikelyDuplicate {
                row: 2,
                similarity: 0.6,
            },
            Lint::SamePersonOtherIdentifiers { row: 3 },
            Lint::NameConflict { row: None },
            Lint::HetuTypo {
                edit: Edit::Transposition { position: 7 },
                candidates: 1,
            },
            Lint::EmailNotStrict,
            Lint::ExistingDuplicates {
                candidates: 2,
                best: 0.75,
            },
            Lint::SentConflict { value: true },
            Lint::NameTooLong {
                field: NameField::Kutsumanimi,
            },
        ];
        let mut codes: Vec<&str> = all.iter().map(Coded::code).collect();
        assert_eq!(codes, Lint::ALL_CODES);
        codes.dedup();
        assert_eq!(codes.len(), 19);
        for l in all {
            for lang in Lang::ALL {
                let m = l.message(lang);
                assert!(!m.is_empty() && !m.ends_with('.'), "{m}");
            }
        }
    }
}
