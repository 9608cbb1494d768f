// The side panel: the list of shown events, and one event with its article, evidence highlighted
// from the code-point spans, its actors, places and figures, and every claim about it side by side.

export const CATEGORY_COLOURS = {
  ASSAULT: "#d62728", COERCE: "#ff7f0e", MOBILIZE: "#8c564b", SANCTION: "#e377c2",
  PROTEST: "#bcbd22", THREATEN: "#9467bd", ACCUSE: "#a0522d", REJECT: "#7f7f7f",
  REQUEST: "#17becf", RETREAT: "#2ca02c", AID: "#66bb6a", COOPERATE: "#1f77b4",
  CONCEDE: "#6baed6", SUPPORT: "#26a69a", CONSULT: "#393b79", AGREE: "#637939",
};

/** Creates an element; strings become text nodes (never HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c != null) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

function badge(cat) {
  return h("span", { class: "badge", style: `background:${CATEGORY_COLOURS[cat] || "#888"}` }, cat);
}

function entity(e) {
  const code = [e.country, e.sector].filter(Boolean).join(" ");
  return h("span", {}, h("span", { dir: "auto", class: "ar-text" }, e.text), code ? ` (${code})` : "");
}

function entities(list) {
  if (!list.length) return "—";
  return list.flatMap((e, i) => (i ? [", ", entity(e)] : [entity(e)]));
}

function figure(n, q) {
  if (n == null) return null;
  if (n === "unknown") return "reported, no figure";
  const words = { at_least: "at least ", about: "about ", up_to: "up to ", exact: "" };
  return `${words[q] ?? ""}${n}`;
}

function who(ev) {
  const a = ev.actor.map((e) => e.text).join("، ") || "?";
  const r = ev.recipient.map((e) => e.text).join("، ");
  return r ? `${a} ← ${r}` : a;
}

/** The list of events shown on the map, newest first. */
export function renderList(panel, events, open) {
  panel.replaceChildren(
    h("h2", {}, `${events.length} events`),
    h("p", { class: "hint" }, "Click a marker or an event to read its evidence."),
    h("ul", { class: "ev-list" }, events.slice(0, 500).map((ev) =>
      h("li", { "data-event-id": ev.id, onclick: () => open(ev.id) },
        badge(ev.event), " ", ev.date || "undated", ev.contested ? " · contested" : "", h("br"),
        h("span", { class: "who", dir: "auto" }, who(ev))))),
  );
}

function facts(ev) {
  const rows = [
    ["Actor", entities(ev.actor)],
    ["Recipient", entities(ev.recipient)],
    ["Places", ev.places.length ? ev.places.flatMap((p, i) => [i ? ", " : "",
      h("span", { dir: "auto", class: "ar-text" }, p.text), p.name ? ` (${p.name})` : ""]) : "—"],
    ["Date", [ev.date || "unknown", ev.time ? ` ${ev.time} ${ev.tz || ""}` : ""]],
    ["Dead", figure(ev.dead, ev.dead_qualifier)],
    ["Injured", figure(ev.injured, ev.injured_qualifier)],
    ["Modes", ev.modes.join(", ") || null],
    ["Claimed by", ev.claim_by ? entity(ev.claim_by) : "the article"],
    ["ACLED", ev.acled ? `${ev.acled.event_type} / ${ev.acled.sub_event_type}` : null],
    ["Confidence", ev.confidence != null ? ev.confidence.toFixed(2) : null],
  ];
  return h("dl", { class: "facts" }, rows.filter(([, v]) => v != null).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function claims(detail, open) {
  if (detail.claims.length < 2) return [];
  return [
    h("h3", {}, detail.event.contested ? "Contested claims" : "Reports of this event"),
    h("div", { class: "claims" }, detail.claims.map((c) =>
      h("div", { class: `claim${c.id === detail.event.id ? " current" : ""}`, "data-event-id": c.id },
        h("div", { class: "by" }, c.claim_by ? entity(c.claim_by) : "The article"),
        h("div", {}, badge(c.event), " ", h("span", { dir: "auto", class: "ar-text" }, who(c))),
        h("div", {}, `Dead: ${figure(c.dead, c.dead_qualifier) ?? "not stated"}`),
        h("blockquote", { dir: "auto", class: "ar-text" }, c.evidence),
        c.id === detail.event.id ? null : h("button", { class: "link", type: "button", onclick: () => open(c.id) }, "Open")))),
  ];
}

/** Marks to draw over the article: [start, end, class] in code points. */
function marks(ev) {
  const out = [];
  const add = (span, cls) => { if (Array.isArray(span) && span[1] > span[0]) out.push([span[0], span[1], cls]); };
  add(ev.sentence, "evidence");
  add(ev.trigger?.span, "trigger");
  for (const e of [...ev.actor, ...ev.recipient]) add(e.span, "actor");
  for (const p of ev.places) add(p.span, "place");
  add(ev.claim_by?.span, "claim-src");
  add(ev.claim_verb?.span, "claim-src");
  const f = ev.spans || {};
  add(f.date?.span, "when");
  add(f.time?.span, "when");
  add(f.dead?.span, "figure");
  add(f.injured?.span, "figure");
  add(f.status?.span, "cue");
  return out;
}

/** The article text with the marks, sliced by code points (not UTF-16 units). */
export function highlighted(text, ms) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const [s, e] of ms) { cuts.add(Math.min(s, chars.length)); cuts.add(Math.min(e, chars.length)); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [s, e] = [bounds[i], bounds[i + 1]];
    const piece = chars.slice(s, e).join("");
    const cls = [...new Set(ms.filter(([ms0, me]) => ms0 <= s && e <= me).map((m) => m[2]))];
    parts.push(cls.length ? h("span", { class: cls.join(" ") }, piece) : piece);
  }
  return parts;
}

/** One event with everything behind it. */
export function renderDetail(panel, detail, open, close) {
  const ev = detail.event;
  const doc = detail.documents.find((d) => d.doc_id === ev.doc_id);
  panel.replaceChildren(
    h("button", { class: "link", type: "button", onclick: close }, "← All events"),
    h("h2", { id: "event-title" }, badge(ev.event), " ", ev.date || "undated", " ",
      ev.contested ? h("span", { class: "badge contested" }, "contested") : null, " ",
      ev.status !== "asserted" ? h("span", { class: "badge status" }, ev.status) : null),
    facts(ev),
    ...claims(detail, open),
    h("h3", {}, "Article"),
    h("p", { class: "hint key" }, "Marked: ", h("span", { class: "evidence" }, "sentence"), " · ",
      h("span", { class: "trigger" }, "action"), " · ", h("span", { class: "actor" }, "actors"), " · ",
      h("span", { class: "place" }, "places"), " · ", h("span", { class: "claim-src" }, "claim"), " · ",
      h("span", { class: "when" }, "date/time"), " · ", h("span", { class: "figure" }, "figures"), " · ",
      h("span", { class: "cue" }, "status cue")),
    doc ? h("p", { class: "hint" }, [doc.title ? h("span", { dir: "auto", class: "ar-text" }, doc.title) : doc.doc_id,
      doc.published ? ` · ${doc.published}` : "", doc.source ? ` · ${doc.source}` : "",
      doc.url ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "source")] : ""]) : null,
    h("div", { id: "article", dir: "auto", lang: doc?.lang || null }, doc ? highlighted(doc.text, marks(ev)) : ev.evidence),
  );
  panel.querySelector("#article .evidence")?.scrollIntoView({ block: "center" });
}
