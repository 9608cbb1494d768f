// Marsad's map page: loads events from the API, draws them on an offline country map, filters them
// (category, country, contested, a date brush on the timeline) and opens one in the side panel.
import { CATEGORY_COLOURS, renderDetail, renderList } from "./panel.js";
import { Timeline } from "./timeline.js";

const L = window.L;
const PAGE = 1000;
const MAX_EVENTS = 20000;

const state = { events: [], range: null, markers: new Map() };

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

async function loadEvents() {
  const all = [];
  let cursor = null;
  do {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) q.set("cursor", cursor);
    const page = await getJson(`/v1/events?${q}`);
    all.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor && all.length < MAX_EVENTS);
  return all;
}

function countries(ev) {
  const cs = [...ev.actor, ...ev.recipient, ...ev.places].map((x) => x.country).filter(Boolean);
  return new Set(cs);
}

/** Events passing the category, country and contested filters (not the date brush). */
function filtered() {
  const cat = document.getElementById("f-category").value;
  const country = document.getElementById("f-country").value;
  const contested = document.getElementById("f-contested").checked;
  return state.events.filter((ev) =>
    (!cat || ev.event === cat) &&
    (!country || countries(ev).has(country)) &&
    (!contested || ev.contested));
}

function inRange(ev) {
  if (!state.range) return true;
  if (!ev.date) return false;
  const [from, to] = state.range;
  return `${ev.date}~` >= from && ev.date <= to;
}

function radius(ev) {
  const dead = typeof ev.dead === "number" ? ev.dead : 0;
  return Math.min(6 + 2.5 * Math.sqrt(dead), 26);
}

function draw(map, layer, timeline) {
  const base = filtered();
  const shown = base.filter(inRange);
  layer.clearLayers();
  state.markers.clear();
  let placed = 0;
  for (const ev of shown) {
    for (const p of ev.places) {
      if (p.lat == null || p.lon == null) continue;
      const m = L.circleMarker([p.lat, p.lon], {
        radius: radius(ev),
        color: ev.contested ? "#111" : "#fff",
        dashArray: ev.contested ? "3 2" : null,
        weight: ev.contested ? 2 : 1,
        fillColor: CATEGORY_COLOURS[ev.event] || "#888",
        fillOpacity: 0.85,
        className: "event-marker",
      });
      m.bindTooltip(`${ev.event} · ${ev.date || "undated"} · ${p.name || p.text}`);
      m.on("click", () => openEvent(ev.id));
      m.addTo(layer);
      const el = m.getElement();
      if (el) Object.assign(el.dataset, { eventId: ev.id, place: p.name || p.text });
      placed += 1;
    }
  }
  timeline.update(base, state.range);
  const unplaced = shown.filter((ev) => !ev.places.some((p) => p.lat != null)).length;
  document.getElementById("count").textContent =
    `${shown.length} events · ${placed} markers` + (unplaced ? ` · ${unplaced} without coordinates` : "");
  if (!location.hash.startsWith("#event=")) renderList(document.getElementById("panel"), shown, openEvent);
}

async function openEvent(id) {
  const panel = document.getElementById("panel");
  if (location.hash !== `#event=${encodeURIComponent(id)}`) {
    history.pushState(null, "", `#event=${encodeURIComponent(id)}`);
  }
  try {
    const detail = await getJson(`/v1/events/${encodeURIComponent(id)}`);
    renderDetail(panel, detail, openEvent, closeEvent);
  } catch (e) {
    panel.innerHTML = "";
    panel.append(Object.assign(document.createElement("p"), { className: "hint", textContent: String(e) }));
  }
}

let redraw = () => {};
function closeEvent() {
  history.pushState(null, "", location.pathname);
  redraw();
}

function fillSelect(id, values) {
  const sel = document.getElementById(id);
  for (const v of [...values].sort()) sel.append(new Option(v, v));
}

function legend(map, cats) {
  const ctl = L.control({ position: "bottomleft" });
  ctl.onAdd = () => {
    const div = L.DomUtil.create("div", "legend");
    div.innerHTML = [...cats].sort().map((c) => `<div><i style="background:${CATEGORY_COLOURS[c]}"></i>${c}</div>`).join("")
      + `<div><i style="background:#fff;border:2px dashed #111"></i>contested</div>`;
    return div;
  };
  ctl.addTo(map);
}

async function main() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 2 }).setView([30, 40], 4);
  map.attributionControl.addAttribution("Borders: Natural Earth");
  const world = await getJson("/vendor/world/countries-50m.geojson");
  L.geoJSON(world, { style: { color: "#8a8f96", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
  const layer = L.featureGroup().addTo(map);
  state.events = await loadEvents();
  fillSelect("f-category", new Set(state.events.map((e) => e.event)));
  fillSelect("f-country", new Set(state.events.flatMap((e) => [...countries(e)])));
  legend(map, new Set(state.events.map((e) => e.event)));
  const timeline = new Timeline(document.getElementById("timeline"), (range) => {
    state.range = range;
    document.getElementById("range-label").textContent = range ? `${range[0]} – ${range[1]}` : "All dates";
    document.getElementById("range-clear").hidden = !range;
    redraw();
  });
  document.getElementById("range-clear").addEventListener("click", () => timeline.clear());
  redraw = () => draw(map, layer, timeline);
  for (const id of ["f-category", "f-country", "f-contested"]) {
    document.getElementById(id).addEventListener("change", redraw);
  }
  redraw();
  if (layer.getLayers().length) map.fitBounds(layer.getBounds().pad(0.4), { maxZoom: 8 });
  const openFromHash = () => {
    const m = location.hash.match(/^#event=(.+)$/);
    if (m) openEvent(decodeURIComponent(m[1])); else redraw();
  };
  window.addEventListener("popstate", openFromHash);
  openFromHash();
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  document.getElementById("panel").textContent = `Could not load events: ${e}`;
  document.body.dataset.ready = "error";
});
