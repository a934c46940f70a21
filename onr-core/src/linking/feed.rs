//! Following ONR's change feed: which local records now point to which master.

use std::collections::{HashMap, HashSet};

use super::{Outcome, Registry};

/// One entry of a change-feed page (`GET /oppija/muuttuneet`): a changed OID and the OID of its
/// master (the OID itself when it is no one's slave).
///
/// # Example
///
/// ```
/// let e = onr_core::linking::ChangeFeedEntry::new("S", "M");
/// assert_eq!(e.master, "M");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ChangeFeedEntry {
    /// The changed OID.
    pub oid: String,
    /// Its master's OID.
    pub master: String,
}

impl ChangeFeedEntry {
    /// A new entry.
    ///
    /// # Example
    ///
    /// ```
    /// let e = onr_core::linking::ChangeFeedEntry::new("A", "A");
    /// assert_eq!(e.oid, e.master);
    /// ```
    pub fn new(oid: impl Into<String>, master: impl Into<String>) -> Self {
        ChangeFeedEntry {
            oid: oid.into(),
            master: master.into(),
        }
    }
}

/// A local record whose master changed.
///
/// # Example
///
/// ```
/// let r = onr_core::linking::Repointed { oid: "S".into(), from: "S".into(), to: "M".into() };
/// assert_ne!(r.from, r.to);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Repointed {
    /// The local record's OID.
    pub oid: String,
    /// The master it pointed to before.
    pub from: String,
    /// The master it points to now.
    pub to: String,
}

/// A consumer's view of masters, kept up to date from change-feed pages.
///
/// The consumer knows some OIDs, each pointing to a master (itself when it is not a
/// duplicate). An entry `{oid, master}` re-points `oid` if the consumer knows it; and because
/// ONR keeps two levels (a new slave hands its own slaves to its new master), every local
/// record that pointed to `oid` as its master follows to the entry's master too, even if its
/// own entry is on a later page.
///
/// # Example
///
/// ```
/// use onr_core::linking::{ChangeFeedEntry, ChangeFeedTracker};
///
/// let mut t = ChangeFeedTracker::new(["A", "B", "C"]);
/// t.apply(&[ChangeFeedEntry::new("B", "A")]);      // B became A's duplicate
/// let moved = t.apply(&[ChangeFeedEntry::new("A", "C")]); // A became C's duplicate
/// assert_eq!(moved.len(), 2);                      // A and B now point to C
/// assert_eq!(t.master_of("B"), Some("C"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ChangeFeedTracker {
    master: HashMap<String, String>,
    pointing: HashMap<String, HashSet<String>>,
}

impl ChangeFeedTracker {
    /// A tracker for the given known OIDs, each its own master.
    ///
    /// # Example
    ///
    /// ```
    /// let t = onr_core::linking::ChangeFeedTracker::new(["A"]);
    /// assert_eq!(t.master_of("A"), Some("A"));
    /// ```
    pub fn new<I, S>(known: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut t = ChangeFeedTracker::default();
        for oid in known {
            t.insert(oid.as_ref(), oid.as_ref());
        }
        t
    }

    /// A tracker for known OIDs with their current masters.
    ///
    /// # Example
    ///
    /// ```
    /// let t = onr_core::linking::ChangeFeedTracker::with_masters([("S", "M")]);
    /// assert_eq!(t.master_of("S"), Some("M"));
    /// ```
    pub fn with_masters<I, A, B>(known: I) -> Self
    where
        I: IntoIterator<Item = (A, B)>,
        A: AsRef<str>,
        B: AsRef<str>,
    {
        let mut t = ChangeFeedTracker::default();
        for (oid, master) in known {
            t.insert(oid.as_ref(), master.as_ref());
        }
        t
    }

    fn insert(&mut self, oid: &str, master: &str) {
        if let Some(old) = self.master.insert(oid.to_owned(), master.to_owned()) {
            if let Some(set) = self.pointing.get_mut(&old) {
                set.remove(oid);
            }
        }
        self.pointing
            .entry(master.to_owned())
            .or_default()
            .insert(oid.to_owned());
    }

    /// The master a known OID points to.
    ///
    /// # Example
    ///
    /// ```
    /// let t = onr_core::linking::ChangeFeedTracker::new(["A"]);
    /// assert_eq!(t.master_of("B"), None);
    /// ```
    pub fn master_of(&self, oid: &str) -> Option<&str> {
        self.master.get(oid).map(String::as_str)
    }

    /// Applies one page of entries, in order; returns every local record whose master changed.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::{ChangeFeedEntry, ChangeFeedTracker};
    /// let mut t = ChangeFeedTracker::with_masters([("S", "M")]);
    /// let moved = t.apply(&[ChangeFeedEntry::new("S", "S")]); // unlinked
    /// assert_eq!(moved[0].to, "S");
    /// ```
    pub fn apply(&mut self, page: &[ChangeFeedEntry]) -> Vec<Repointed> {
        let mut out = Vec::new();
        for e in page {
            if let Some(from) = self.master.get(&e.oid).cloned() {
                if from != e.master {
                    self.insert(&e.oid, &e.master);
                    out.push(Repointed {
                        oid: e.oid.clone(),
                        from,
                        to: e.master.clone(),
                    });
                }
            }
            if e.master != e.oid {
                // Records pointing to a new slave follow it to its master.
                let followers: Vec<String> = self
                    .pointing
                    .get(&e.oid)
                    .map(|s| s.iter().filter(|o| **o != e.oid).cloned().collect())
                    .unwrap_or_default();
                let mut followers = followers;
                followers.sort_unstable();
                for f in followers {
                    self.insert(&f, &e.master);
                    out.push(Repointed {
                        oid: f,
                        from: e.oid.clone(),
                        to: e.master.clone(),
                    });
                }
            }
        }
        out
    }
}

impl Registry {
    /// The change-feed entries a consumer sees after `outcome`: each OID of its change feed with
    /// its master now (itself when it is no one's slave).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::{ChangeFeedEntry, Registry}, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.extend_persons([Person::new("M"), Person::new("S")]);
    /// let o = reg.link("M", &["S"])?;
    /// assert_eq!(reg.change_feed_entries(&o), vec![ChangeFeedEntry::new("M", "M"), ChangeFeedEntry::new("S", "M")]);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn change_feed_entries(&self, outcome: &Outcome) -> Vec<ChangeFeedEntry> {
        outcome
            .change_feed
            .iter()
            .map(|oid| ChangeFeedEntry::new(oid.clone(), self.resolve(oid)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_oids_are_ignored_but_followers_move() {
        let mut t = ChangeFeedTracker::with_masters([("T", "S"), ("S", "S")]);
        let moved = t.apply(&[
            ChangeFeedEntry::new("X", "Y"),
            ChangeFeedEntry::new("S", "M"),
        ]);
        assert_eq!(moved.len(), 2);
        assert_eq!(t.master_of("T"), Some("M"));
        assert_eq!(t.master_of("S"), Some("M"));
        // Re-applying changes nothing.
        assert!(t.apply(&[ChangeFeedEntry::new("S", "M")]).is_empty());
    }
}
