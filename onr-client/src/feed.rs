//! The change feed (`GET /oppija/muuttuneet?muokattuJalkeen=T&page=P&count=N`): pages from 1,
//! at most 10,000 entries a page, the bound inclusive, ordered by modification time.
//!
//! [`Pager`] is the pure part: which page to ask for next, which entries of an answer are new
//! (an entry that a concurrent change pushed from the end of one page to the start of the
//! next is dropped), and a [`FeedCursor`] to resume from. [`Feed`] runs it over a [`Client`].
//!
//! A run reads every page of one `muokattuJalkeen` until a page is short; the cursor then
//! moves `since` to when the run started (minus [`SKEW`], for the clocks of ONR's database and
//! this machine), so that everything changed during the run is read again by the next run
//! (applying an entry twice to a [`ChangeFeedTracker`] changes nothing). Offset paging cannot
//! see a row that moved *backwards* across the page being read (its earlier neighbour was
//! changed and moved to the end); such a row was changed before the run, so it is in the feed
//! of the next run only if it changes again. Runs close together keep that window small.

use chrono::{DateTime, SecondsFormat, Utc};
use onr_core::linking::{ChangeFeedEntry, ChangeFeedTracker, Repointed};

use crate::client::Client;
use crate::error::ClientError;

/// The largest page ONR serves.
pub const MAX_COUNT: u32 = 10_000;
/// The page size the front ends use unless told (`onr feed --count`, Python's
/// `Client.feed(count=)`).
pub const DEFAULT_COUNT: u32 = 1000;
/// How far before the start of a run the next run begins.
pub const SKEW: chrono::Duration = chrono::Duration::minutes(5);

/// One entry: a changed OID and its master (itself when it is no one's duplicate).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FeedEntry {
    /// The changed OID.
    pub oid: String,
    /// Its master's OID.
    pub master: String,
    /// Whether the master is passivated.
    #[serde(default)]
    pub passivoitu: bool,
}

impl From<&FeedEntry> for ChangeFeedEntry {
    fn from(e: &FeedEntry) -> ChangeFeedEntry {
        ChangeFeedEntry::new(e.oid.clone(), e.master.clone())
    }
}

/// Where a reader of the feed is: saved between runs as JSON.
///
/// # Example
///
/// ```
/// let c = onr_client::feed::FeedCursor::new("2024-01-01T00:00:00Z");
/// assert_eq!(c.page, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FeedCursor {
    /// `muokattuJalkeen` of the current run (ISO 8601).
    pub since: String,
    /// The next page to read (from 1).
    pub page: u32,
    /// The OIDs of the last page read (dropped if they come again at the start of the next).
    pub boundary: Vec<String>,
    /// When the current run started (ISO 8601), if it has.
    pub run_started: Option<String>,
}

impl FeedCursor {
    /// A cursor at the start of the feed from `since`.
    pub fn new(since: impl Into<String>) -> FeedCursor {
        FeedCursor {
            since: since.into(),
            page: 1,
            boundary: Vec::new(),
            run_started: None,
        }
    }
}

/// The pure paging state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    cursor: FeedCursor,
    count: u32,
    done: bool,
}

impl Pager {
    /// A pager from a cursor, `count` entries a page (clamped to 1..=10,000).
    pub fn new(cursor: FeedCursor, count: u32) -> Pager {
        Pager {
            cursor,
            count: count.clamp(1, MAX_COUNT),
            done: false,
        }
    }

    /// The next request, `(muokattuJalkeen, page, count)`, or `None` at the end of the run.
    /// `now` starts the run if it has not started.
    pub fn next_request(&mut self, now: DateTime<Utc>) -> Option<(String, u32, u32)> {
        if self.done {
            return None;
        }
        if self.cursor.run_started.is_none() {
            self.cursor.run_started = Some(now.to_rfc3339_opts(SecondsFormat::Millis, true));
        }
        Some((self.cursor.since.clone(), self.cursor.page, self.count))
    }

    /// Takes the answer to the last request; returns its new entries. A short page ends the
    /// run: the cursor moves to a new run from its start minus [`SKEW`].
    pub fn accept(&mut self, results: Vec<FeedEntry>) -> Vec<FeedEntry> {
        let full = results.len() as u32 >= self.count;
        let oids: Vec<String> = results.iter().map(|e| e.oid.clone()).collect();
        // Drop the entries of the previous page's end that came again at this page's start.
        let mut skip = 0;
        while skip < results.len() && self.cursor.boundary.contains(&results[skip].oid) {
            skip += 1;
        }
        let fresh: Vec<FeedEntry> = results.into_iter().skip(skip).collect();
        if full {
            self.cursor.page += 1;
            self.cursor.boundary = oids;
        } else {
            let start = self
                .cursor
                .run_started
                .as_deref()
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .map(|d| {
                    (d.with_timezone(&Utc) - SKEW).to_rfc3339_opts(SecondsFormat::Millis, true)
                });
            self.cursor = FeedCursor {
                since: start.unwrap_or_else(|| self.cursor.since.clone()),
                page: 1,
                boundary: Vec::new(),
                run_started: None,
            };
            self.done = true;
        }
        fresh
    }

    /// The cursor to save.
    pub fn cursor(&self) -> &FeedCursor {
        &self.cursor
    }
}

#[derive(serde::Deserialize)]
struct PageDto {
    #[serde(default)]
    results: Vec<EntryDto>,
}

#[derive(serde::Deserialize)]
struct EntryDto {
    oid: String,
    master: Option<MasterDto>,
}

#[derive(serde::Deserialize)]
struct MasterDto {
    oid: Option<String>,
    #[serde(default)]
    passivoitu: bool,
}

/// Reads one page of `muuttuneet`.
///
/// # Errors
///
/// As [`Client::get_json`].
pub fn fetch_page(
    client: &Client,
    since: &str,
    page: u32,
    count: u32,
) -> Result<Vec<FeedEntry>, ClientError> {
    let dto: PageDto = client.get_json(client.urls().changed(since, page, count))?;
    Ok(dto
        .results
        .into_iter()
        .map(|e| {
            let (master, passivoitu) = match e.master {
                Some(m) => (m.oid.unwrap_or_else(|| e.oid.clone()), m.passivoitu),
                None => (e.oid.clone(), false),
            };
            FeedEntry {
                oid: e.oid,
                master,
                passivoitu,
            }
        })
        .collect())
}

/// The feed as an iterator of pages of new entries, over one run.
#[derive(Debug)]
pub struct Feed<'a> {
    client: &'a Client,
    pager: Pager,
    failed: bool,
}

impl<'a> Feed<'a> {
    /// A run from `cursor`, `count` entries a page.
    pub fn new(client: &'a Client, cursor: FeedCursor, count: u32) -> Feed<'a> {
        Feed {
            client,
            pager: Pager::new(cursor, count),
            failed: false,
        }
    }

    /// The cursor after the pages read so far (save it after each page to resume there).
    pub fn cursor(&self) -> &FeedCursor {
        self.pager.cursor()
    }

    /// Reads the whole run into `tracker`; returns every re-pointed record.
    ///
    /// # Errors
    ///
    /// The first failed page; the cursor then still points at it.
    pub fn follow(
        &mut self,
        tracker: &mut ChangeFeedTracker,
    ) -> Result<Vec<Repointed>, ClientError> {
        let mut moved = Vec::new();
        for page in self.by_ref() {
            let page = page?;
            let entries: Vec<ChangeFeedEntry> = page.iter().map(ChangeFeedEntry::from).collect();
            moved.extend(tracker.apply(&entries));
        }
        Ok(moved)
    }
}

impl Iterator for Feed<'_> {
    type Item = Result<Vec<FeedEntry>, ClientError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let (since, page, count) = self.pager.next_request(Utc::now())?;
        match fetch_page(self.client, &since, page, count) {
            Ok(results) => Some(Ok(self.pager.accept(results))),
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn e(i: usize) -> FeedEntry {
        FeedEntry {
            oid: format!("1.2.246.562.24.{i}"),
            master: format!("1.2.246.562.24.{i}"),
            passivoitu: false,
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2024-05-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    /// A feed server over `rows`: page p starts `shift[q]` rows earlier for every q <= p (rows
    /// inserted earlier in the order between two page reads push the rest forward, so the
    /// end of one page comes again at the start of the next).
    fn serve(rows: &[FeedEntry], page: u32, count: u32, shift: &[usize]) -> Vec<FeedEntry> {
        let c = count as usize;
        let mut start = 0usize;
        for q in 2..=page as usize {
            start += c - shift.get(q).copied().unwrap_or(0).min(c - 1);
        }
        rows.iter().skip(start).take(c).cloned().collect()
    }

    fn run(
        rows: &[FeedEntry],
        cursor: FeedCursor,
        count: u32,
        shift: &[usize],
        stop_after: Option<usize>,
    ) -> (Vec<FeedEntry>, FeedCursor, bool) {
        let mut p = Pager::new(cursor, count);
        let mut out = Vec::new();
        let mut pages = 0;
        while let Some((_, page, count)) = p.next_request(now()) {
            if stop_after == Some(pages) {
                return (out, p.cursor().clone(), false);
            }
            out.extend(p.accept(serve(rows, page, count, shift)));
            pages += 1;
        }
        (out, p.cursor().clone(), true)
    }

    #[test]
    fn a_short_page_ends_the_run_and_moves_since_to_its_start() {
        let rows: Vec<_> = (0..5).map(e).collect();
        let (out, c, done) = run(&rows, FeedCursor::new("2024-01-01T00:00:00Z"), 2, &[], None);
        assert!(done);
        assert_eq!(out, rows);
        assert_eq!(
            c,
            FeedCursor {
                since: "2024-05-01T11:55:00.000Z".into(),
                page: 1,
                boundary: vec![],
                run_started: None
            }
        );
    }

    #[test]
    fn count_is_clamped() {
        let mut p = Pager::new(FeedCursor::new("x"), 50_000);
        assert_eq!(p.next_request(now()).unwrap().2, MAX_COUNT);
        let mut p = Pager::new(FeedCursor::new("x"), 0);
        assert_eq!(p.next_request(now()).unwrap(), ("x".into(), 1, 1));
    }

    proptest! {
        #[test]
        fn every_entry_once_in_order_whatever_the_boundary_repeats(
            n in 0usize..60, count in 1u32..12, shift in proptest::collection::vec(0usize..12, 0..10)
        ) {
            let rows: Vec<_> = (0..n).map(e).collect();
            let (out, _, done) = run(&rows, FeedCursor::new("T"), count, &shift, None);
            prop_assert!(done);
            prop_assert_eq!(out, rows);
        }

        #[test]
        fn a_saved_cursor_resumes_where_it_stopped(
            n in 0usize..60, count in 1u32..12, stop in 0usize..8, shift in proptest::collection::vec(0usize..12, 0..10)
        ) {
            let rows: Vec<_> = (0..n).map(e).collect();
            let (mut first, cursor, done) = run(&rows, FeedCursor::new("T"), count, &shift, Some(stop));
            if !done {
                let saved = serde_json::to_string(&cursor).unwrap();
                let cursor: FeedCursor = serde_json::from_str(&saved).unwrap();
                let (rest, _, done2) = run(&rows, cursor, count, &shift, None);
                prop_assert!(done2);
                first.extend(rest);
            }
            prop_assert_eq!(first, rows);
        }
    }
}
