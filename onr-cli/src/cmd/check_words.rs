//! The fixed words of `onr check`'s text report in English, Finnish and Swedish (`--lang`).
//! The messages of errors and warnings come from onr-core (`message(lang)`); these are only
//! the headings, labels and the summary around them.

use onr_core::import::action::{Action, ActionKind};
use onr_core::{Environment, Lang};

/// The words of one language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub lang: Lang,
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        Words { lang }
    }

    fn pick(&self, en: &'static str, fi: &'static str, sv: &'static str) -> &'static str {
        match self.lang {
            Lang::Fi => fi,
            Lang::Sv => sv,
            _ => en,
        }
    }

    /// The first line: the file, the environment and the existing persons.
    pub fn header(&self, file: &str, env: Environment, existing: Option<usize>) -> String {
        let env = match env {
            Environment::Production => self.pick(
                "production environment",
                "tuotantoympäristö",
                "produktionsmiljö",
            ),
            _ => self.pick("test environment", "testiympäristö", "testmiljö"),
        };
        let existing = match (existing, self.lang) {
            (Some(n), Lang::Fi) => format!("{n} olemassa olevaa henkilöä"),
            (Some(n), Lang::Sv) => format!("{n} befintliga personer"),
            (Some(n), _) => format!("{n} existing persons"),
            (None, _) => self
                .pick(
                    "no existing persons given",
                    "olemassa olevia henkilöitä ei annettu",
                    "inga befintliga personer angivna",
                )
                .to_owned(),
        };
        format!("{file} ({env}, {existing})")
    }

    pub fn ignored_columns(&self) -> &'static str {
        self.pick(
            "ignored columns",
            "ohitetut sarakkeet",
            "ignorerade kolumner",
        )
    }

    /// A row for humans: its line in the file and its `tunniste`.
    pub fn place(&self, line: Option<u64>, tunniste: Option<&str>, index: usize) -> String {
        let word = self.pick("line", "rivi", "rad");
        let mut s = match line {
            Some(l) => format!("{word} {l}"),
            None => format!("henkilot[{index}]"),
        };
        if let Some(t) = tunniste {
            s.push_str(&format!(" (tunniste {t})"));
        }
        s
    }

    /// What a warning's "row N" (ONR's 0-based index) is in the file.
    pub fn related(&self, index: usize, place: &str) -> String {
        match self.lang {
            Lang::Fi => format!("[rivi {index} = {place}]"),
            Lang::Sv => format!("[rad {index} = {place}]"),
            _ => format!("[row {index} = {place}]"),
        }
    }

    pub fn accepted(&self) -> &'static str {
        self.pick("accepted", "hyväksytty", "godkänd")
    }

    pub fn rejected(&self) -> &'static str {
        self.pick("REJECTED", "HYLÄTTY", "AVVISAD")
    }

    pub fn error(&self) -> &'static str {
        self.pick("error", "virhe", "fel")
    }

    /// What ONR answers once the row's errors are fixed (never part of ONR's answer now).
    pub fn later(&self) -> &'static str {
        self.pick("later", "myöhemmin", "senare")
    }

    pub fn warning(&self) -> &'static str {
        self.pick("warning", "varoitus", "varning")
    }

    /// The width the kind labels are padded to.
    pub fn label_width(&self) -> usize {
        [self.error(), self.later(), self.warning()]
            .iter()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    }

    /// What ONR will do with a row; `place` names another row of the batch.
    pub fn action(&self, a: &Action, place: impl Fn(usize) -> String) -> String {
        let by = a.by.map(|b| b.as_str()).unwrap_or("?");
        let maybe = a
            .maybe
            .iter()
            .map(|k| k.field())
            .collect::<Vec<_>>()
            .join("/");
        let row = place(a.row.unwrap_or(0));
        let oid = a.oid.as_deref().unwrap_or("?");
        let mut s = match (a.kind, self.lang) {
            (ActionKind::None, _) => self
                .pick("nothing is imported", "mitään ei tuoda", "inget importeras")
                .to_owned(),
            (ActionKind::Match, Lang::Fi) => {
                format!("liitetään olemassa olevaan henkilöön {oid} (tunnisteella {by})")
            }
            (ActionKind::Match, Lang::Sv) => {
                format!("kopplas till den befintliga personen {oid} (via {by})")
            }
            (ActionKind::Match, _) => format!("attached to existing person {oid} (by {by})"),
            (ActionKind::SameAsRow, Lang::Fi) => {
                format!("sama henkilö kuin {row} (tunnisteella {by})")
            }
            (ActionKind::SameAsRow, Lang::Sv) => format!("samma person som {row} (via {by})"),
            (ActionKind::SameAsRow, _) => format!("same person as {row} (by {by})"),
            (ActionKind::Create, _) => self
                .pick(
                    "a new person is created",
                    "luodaan uusi henkilö",
                    "en ny person skapas",
                )
                .to_owned(),
            (ActionKind::MatchOrCreate, Lang::Fi) => format!(
                "olemassa oleva henkilö, jos ONR tuntee tunnisteen {maybe}, muuten uusi henkilö"
            ),
            (ActionKind::MatchOrCreate, Lang::Sv) => {
                format!("en befintlig person om ONR känner till {maybe}, annars en ny person")
            }
            (ActionKind::MatchOrCreate, _) => {
                format!("an existing person if ONR knows the {maybe}, else a new person")
            }
            (ActionKind::MatchOrSameAsRow, Lang::Fi) => format!(
                "olemassa oleva henkilö, jos ONR tuntee tunnisteen {maybe}, muuten sama henkilö kuin {row} (tunnisteella {by})"
            ),
            (ActionKind::MatchOrSameAsRow, Lang::Sv) => format!(
                "en befintlig person om ONR känner till {maybe}, annars personen på {row} (via {by})"
            ),
            (ActionKind::MatchOrSameAsRow, _) => format!(
                "an existing person if ONR knows the {maybe}, else the person of {row} (by {by})"
            ),
        };
        if a.conflict == Some(true) {
            s.push_str(self.pick(
                ", flagged as a name conflict",
                ", merkitään nimiristiriidaksi",
                ", flaggas som namnkonflikt",
            ));
        }
        s
    }

    /// The heading of the likely duplicates inside the batch: what they are, no more.
    pub fn likely_duplicates(&self) -> &'static str {
        self.pick(
            "likely duplicates inside the batch: ONR's duplicate search will list each pair as duplicate candidates (ONR imports them as separate persons)",
            "todennäköiset duplikaatit erän sisällä: ONR:n duplikaattihaku listaa kunkin parin duplikaattiehdokkaiksi (ONR tuo ne erillisinä henkilöinä)",
            "troliga dubbletter i batchen: ONR:s dubblettsökning listar varje par som dubblettkandidater (ONR importerar dem som separata personer)",
        )
    }

    /// One pair of likely duplicates.
    pub fn pair(&self, a: &str, b: &str, similarity: f32) -> String {
        let p = (similarity * 100.0).floor();
        match self.lang {
            Lang::Fi => format!("{a} ja {b}: nimet ja syntymäaika {p:.0} % samankaltaiset"),
            Lang::Sv => format!("{a} och {b}: namn och födelsedatum {p:.0} % lika"),
            _ => format!("{a} and {b}: names and birth date {p:.0} % similar"),
        }
    }

    pub fn duplicates_skipped(&self) -> &'static str {
        self.pick(
            "likely duplicates inside the batch: not searched (more rows than --max-duplicate-rows)",
            "todennäköisiä duplikaatteja erän sisällä ei haettu (enemmän rivejä kuin --max-duplicate-rows)",
            "troliga dubbletter i batchen: inte sökta (fler rader än --max-duplicate-rows)",
        )
    }

    pub fn batch_errors(&self) -> &'static str {
        self.pick("batch errors", "erän virheet", "fel i batchen")
    }

    /// The summary's first line.
    pub fn summary(
        &self,
        rows: usize,
        accepted: usize,
        rejected: usize,
        warned: usize,
        batch: usize,
    ) -> String {
        match self.lang {
            Lang::Fi => format!(
                "yhteenveto: {rows} riviä, {accepted} hyväksytty, {rejected} hylätty, {warned} varoituksin; {batch} erän virhettä"
            ),
            Lang::Sv => format!(
                "sammanfattning: {rows} rader, {accepted} godkända, {rejected} avvisade, {warned} med varningar; {batch} fel i batchen"
            ),
            _ => format!(
                "summary: {rows} rows, {accepted} accepted, {rejected} rejected, {warned} with warnings; {batch} batch errors"
            ),
        }
    }

    /// ONR's answer to the whole batch: accepted, or the HTTP status and stage.
    pub fn answer(&self, refused: Option<(u16, String)>) -> String {
        let label = self.pick("ONR answers", "ONR vastaa", "ONR svarar");
        match refused {
            None => format!(
                "{label}: 200, {}",
                self.pick(
                    "the batch is accepted",
                    "erä hyväksytään",
                    "batchen godkänns"
                )
            ),
            Some((status, stage)) => format!(
                "{label}: {status} ({stage}), {}",
                self.pick("nothing is imported", "mitään ei tuoda", "inget importeras")
            ),
        }
    }

    pub fn actions(&self) -> &'static str {
        self.pick("actions", "toimet", "åtgärder")
    }

    pub fn conflicts(&self) -> &'static str {
        self.pick("name conflicts", "nimiristiriidat", "namnkonflikter")
    }

    pub fn errors(&self) -> &'static str {
        self.pick("errors", "virheet", "fel")
    }

    pub fn warnings(&self) -> &'static str {
        self.pick("warnings", "varoitukset", "varningar")
    }

    /// Which rows the report lists, unless `--all`.
    pub fn shown(&self, shown: usize, rows: usize) -> String {
        match self.lang {
            Lang::Fi => format!(
                "näytetty: {shown}/{rows} riviä, ne joilla on virheitä tai varoituksia (--all näyttää jokaisen rivin)"
            ),
            Lang::Sv => format!(
                "visade: {shown} av {rows} rader, de med fel eller varningar (--all visar varje rad)"
            ),
            _ => format!(
                "shown: {shown} of {rows} rows, those with errors or warnings (--all shows every row)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_own_words() {
        let [en, fi, sv] = Lang::ALL.map(Words::new);
        for (a, b) in [(en, fi), (en, sv), (fi, sv)] {
            assert_ne!(a.summary(1, 1, 0, 0, 0), b.summary(1, 1, 0, 0, 0));
            assert_ne!(a.likely_duplicates(), b.likely_duplicates());
            assert_ne!(a.answer(None), b.answer(None));
            assert_ne!(
                a.header("f", Environment::Test, None),
                b.header("f", Environment::Test, None)
            );
            assert_ne!(
                a.action(&Action::none(), |_| String::new()),
                b.action(&Action::none(), |_| String::new())
            );
        }
    }

    #[test]
    fn a_pair_never_rounds_up_to_the_next_percent() {
        assert_eq!(
            Words::new(Lang::En).pair("a", "b", 0.4999),
            "a and b: names and birth date 49 % similar"
        );
    }
}
