//! What the name maps say about one token key, cached per thread across documents.
//!
//! For every clitic reading of a key ([`crate::matcher`]'s forms), the walk of the exact-name map
//! (and, where a place is expected, of the skeleton map) from the root either dies or reaches a state;
//! for the live ones the cache keeps that state, the posting offset when the reading is a whole name,
//! and the state after a following space (for names of several words). News vocabulary repeats, so
//! most tokens cost one hash lookup instead of a dozen walks: the results are the same, only cheaper.

use crate::index::Slice;
use crate::keys::FnvMap;
use crate::matcher::Trigger;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Keys cached per thread before the cache is emptied (a bound on memory: ~100 bytes a key).
const CACHE_MAX: usize = 200_000;

/// A fresh id for each loaded gazetteer, so a thread's cache never mixes two indexes.
pub fn next_owner() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A walk's position: node address and the output gathered so far.
#[derive(Debug, Clone, Copy)]
pub struct State {
    addr: fst::raw::CompiledAddr,
    out: u64,
}

/// A cursor in an fst.
pub struct Walk<'f> {
    fst: &'f fst::raw::Fst<Slice>,
    node: fst::raw::Node<'f>,
    out: fst::raw::Output,
}

impl<'f> Walk<'f> {
    /// Resumes a walk at `s`.
    pub fn resume(fst: &'f fst::raw::Fst<Slice>, s: State) -> Self {
        Walk {
            fst,
            node: fst.node(s.addr),
            out: fst::raw::Output::new(s.out),
        }
    }

    /// Feeds `bytes`; false when the walk dies.
    pub fn feed(&mut self, bytes: &[u8]) -> bool {
        for b in bytes {
            let Some(i) = self.node.find_input(*b) else {
                return false;
            };
            let t = self.node.transition(i);
            self.out = self.out.cat(t.out);
            self.node = self.fst.node(t.addr);
        }
        true
    }

    /// The value when the walk is at the end of a key.
    pub fn value(&self) -> Option<u64> {
        self.node
            .is_final()
            .then(|| self.out.cat(self.node.final_output()).value())
    }

    fn state(&self) -> State {
        State {
            addr: self.node.addr(),
            out: self.out.value(),
        }
    }
}

/// A clitic reading of a key, as positions in the key (no borrowed or owned text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormAt {
    /// Key bytes of clitics removed.
    pub strip: usize,
    /// The reading is `key[start..]`, after an `ا` when `alef` (ل + ال written لل).
    start: usize,
    alef: bool,
    /// The article ال was removed.
    pub article: bool,
    /// The clitic ب was removed.
    pub prep: bool,
}

impl FormAt {
    /// Positions of a reading `form` of `key` (a suffix of `key`, or `ا` + a suffix).
    pub fn of(key: &str, strip: usize, form: &str, article: bool, prep: bool) -> FormAt {
        let alef = !key.ends_with(form);
        let len = if alef {
            form.len() - 'ا'.len_utf8()
        } else {
            form.len()
        };
        FormAt {
            strip,
            start: key.len().saturating_sub(len),
            alef,
            article,
            prep,
        }
    }

    /// The reading's text.
    pub fn text<'k>(&self, key: &'k str) -> Cow<'k, str> {
        let rest = key.get(self.start..).unwrap_or_default();
        if self.alef {
            Cow::Owned(format!("ا{rest}"))
        } else {
            Cow::Borrowed(rest)
        }
    }
}

/// A live walk of one reading.
#[derive(Debug, Clone, Copy)]
pub struct Alive {
    /// The reading.
    pub form: FormAt,
    /// Posting offset when the reading is a whole name.
    pub value: Option<u64>,
    /// The state after the reading and a space, when some name continues that way.
    pub space: Option<State>,
}

impl Alive {
    /// Walks `text` (the reading's key or skeleton) from the root of `fst`.
    pub fn walk(fst: &fst::raw::Fst<Slice>, form: FormAt, text: &str) -> Option<Alive> {
        let mut w = Walk {
            fst,
            node: fst.root(),
            out: fst::raw::Output::zero(),
        };
        if !w.feed(text.as_bytes()) {
            return None;
        }
        let value = w.value();
        let space = w.feed(b" ").then(|| w.state());
        Some(Alive { form, value, space })
    }
}

/// What is known about one key.
#[derive(Debug, Default)]
pub struct KeyWalks {
    /// Live exact-map walks of the readings, in reading order.
    pub exact: Option<Vec<Alive>>,
    /// Live skeleton-map walks, in reading order.
    pub skeleton: Option<Vec<Alive>>,
    /// The trigger the key announces.
    pub trigger: Option<Trigger>,
}

/// A thread's cache.
#[derive(Default)]
pub struct Cache {
    owner: u64,
    map: FnvMap<Box<str>, KeyWalks>,
    /// Never used: what [`Cache::entry`] would hand out if an insert were lost.
    spare: KeyWalks,
}

impl Cache {
    /// The entry of `key`, created empty when missing.
    pub fn entry(&mut self, key: &str) -> &mut KeyWalks {
        if !self.map.contains_key(key) {
            if self.map.len() >= CACHE_MAX {
                self.map.clear();
            }
            self.map.insert(key.into(), KeyWalks::default());
        }
        match self.map.get_mut(key) {
            Some(e) => e,
            None => {
                self.spare = KeyWalks::default();
                &mut self.spare
            }
        }
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Runs `f` with this thread's cache for the gazetteer `owner` (emptied when it served another).
pub fn with_cache<R>(owner: u64, f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.owner != owner {
            c.map.clear();
            c.owner = owner;
        }
        f(&mut c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_positions_give_back_the_reading() {
        let key = "للعراق";
        let f = FormAt::of(key, 2, "العراق", false, false);
        assert_eq!(f.text(key), "العراق");
        let f = FormAt::of(key, 6, "عراق", true, false);
        assert_eq!(f.text(key), "عراق");
        let f = FormAt::of("وبغداد", 4, "غداد", false, true);
        assert_eq!(f.text("وبغداد"), "غداد");
    }
}
