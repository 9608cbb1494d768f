//! Document-level steps of coding: attribution frames carried through a quotation, mirror claims,
//! ceasefires reached, the report's news day, headlines and zone names.

use super::{Context, Memory};
use crate::claims::{Frame, carried_frame, frames, mirror, quote_open_after};
use crate::detect::Trig;
use crate::lexicons::Cue;
use crate::merge;
use jiff::civil::Date;
use marsad_model::{Category, DatePrecision, Event, Mode, Status};
use std::ops::Range;

/// Days before publication within which a date can be the report's news day.
const NEWS_DAYS: i32 = 3;

impl Context<'_> {
    /// Entities in `sent` that only name a clock's zone ("بتوقيت موسكو"): never actors.
    pub(super) fn zone_names(&self, sent: &Range<usize>) -> Vec<usize> {
        let zones: Vec<&Range<usize>> = self
            .times
            .iter()
            .filter(|t| t.tz.is_some() && sent.contains(&t.tokens.start))
            .map(|t| &t.tokens)
            .collect();
        (0..self.ents.len())
            .filter(|i| zones.iter().any(|z| z.contains(&self.ents[*i].tokens.start)))
            .collect()
    }

    /// The attribution frames of sentence `si`; a sentence with none that continues a quotation
    /// opened by an earlier frame of the paragraph keeps that frame.
    pub(super) fn sentence_frames(&self, si: usize, sent: &Range<usize>, mem: &mut Memory) -> Vec<Frame> {
        let last = mem.claimant.or_else(|| mem.actor.first().copied());
        let mut fr = frames(self.a, &self.cues, &self.ents, sent, last);
        if let Some(c) = fr.iter().rev().find_map(|f| f.claimant) {
            mem.claimant = Some(c);
        }
        let carried = fr.is_empty() && mem.quote.is_some();
        if let Some(q) = mem.quote.as_ref().filter(|_| carried) {
            fr.push(carried_frame(q, sent));
        }
        let text = &self.a.text[self.a.sentences[si].bytes.clone()];
        let open = quote_open_after(text, mem.quote.is_some());
        mem.quote = match (open, carried) {
            (false, _) => None,
            (true, true) => mem.quote.take(),
            (true, false) => fr.iter().rev().find(|f| f.claimant.is_some()).cloned(),
        };
        fr
    }

    /// Mutual fights in or just before a sentence saying each side blames the other become one
    /// event per side's claim.
    pub(super) fn mirror_claims(&self, reports: Vec<merge::Report>) -> Vec<merge::Report> {
        let mirrored: Vec<usize> = self
            .cues
            .iter()
            .filter(|c| c.cue == Cue::Mirror)
            .filter_map(|c| {
                self.a
                    .sentences
                    .iter()
                    .position(|s| s.tokens.contains(&c.tokens.start))
            })
            .collect();
        let near = |si: usize| {
            mirrored
                .iter()
                .any(|m| (si == *m || si + 1 == *m) && self.paragraph.get(si) == self.paragraph.get(*m))
        };
        let mut out = Vec::with_capacity(reports.len());
        for r in reports {
            if r.event.event != Category::Assault || !near(r.sentence) {
                out.push(r);
                continue;
            }
            for event in mirror(&r.event) {
                out.push(merge::Report { event, ..r.clone() });
            }
        }
        out
    }

    /// A ceasefire *reached* ("توصلت إلى وقف إطلاق النار") is also an AGREE between the same
    /// parties (CODING_GUIDE section 1); its entry into force stays the RETREAT.
    pub(super) fn reached_ceasefire(&self, e: &Event, t: &Trig, sent: &Range<usize>) -> Option<Event> {
        if e.event != Category::Retreat || !e.modes.contains(&Mode::Ceasefire) {
            return None;
        }
        if !self.reaches(t) || !sent.contains(&t.tokens.start) {
            return None;
        }
        let mut agree = e.clone();
        agree.event = Category::Agree;
        agree.modes.clear();
        agree.time = None;
        agree.tz = None;
        agree.spans.time = None;
        if matches!(agree.status, Status::Future | Status::Hypothetical) {
            agree.status = Status::Asserted;
            agree.spans.status = None;
        }
        if agree.date_precision == Some(DatePrecision::Hour) {
            agree.date_precision = Some(DatePrecision::Day);
        }
        let mapped = self.mapping.map(agree.event, &agree.modes);
        agree.acled = mapped.acled;
        agree.cameo = mapped.cameo;
        if !agree.why.is_empty() {
            agree.why.push("ceasefire reached: AGREE".into());
        }
        Some(agree)
    }

    /// The day the report's news happened: its first day-precise date within [`NEWS_DAYS`] before
    /// publication ("الليلة الماضية", "أمس", "صباح اليوم"). An undated attack is not merged with an
    /// action dated to another day (its output date stays empty, as the guide asks).
    pub(super) fn news_day(&self) -> Option<Date> {
        let p = self.pubd?;
        self.times
            .iter()
            .filter(|x| x.precision == Some(DatePrecision::Day))
            .filter_map(|x| x.day)
            .find(|d| *d <= p && p.since(*d).is_ok_and(|s| s.get_days() <= NEWS_DAYS))
    }

    /// An AGREE trigger that is only the "reached" of a ceasefire right after it ("توصلت إلى وقف
    /// إطلاق النار"): the ceasefire codes the AGREE, with the parties as actors.
    pub(super) fn reach_word(&self, t: &Trig) -> bool {
        t.category == Category::Agree
            && self.trigs.iter().any(|c| {
                c.category == Category::Retreat
                    && c.tokens.start >= t.tokens.end
                    && c.tokens.start - t.tokens.end <= 2
                    && self.reaches(c)
            })
    }

    /// Whether a "reached" word stands just before the trigger `t`.
    pub(super) fn reaches(&self, t: &Trig) -> bool {
        let lo = t.tokens.start.saturating_sub(3);
        self.cues
            .iter()
            .any(|c| c.cue == Cue::Reach && c.tokens.start >= lo && c.tokens.end <= t.tokens.start)
    }

    /// A headline: a one-sentence paragraph of a few words without final punctuation.
    pub(super) fn is_headline(&self, si: usize) -> bool {
        let para = |i: usize| self.paragraph.get(i).copied();
        let alone = (si == 0 || para(si - 1) != para(si)) && para(si + 1) != para(si);
        let s = &self.a.sentences[si];
        let text = self.a.text[s.bytes.clone()].trim_end();
        let open = !text.ends_with(['.', '!', '?', '؟', ':', '"', '»']);
        alone && open && s.tokens.len() <= 15
    }
}
