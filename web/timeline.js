// The timeline under the map: events per day (per month over long ranges) as bars, with a brush:
// drag to select a date range, click without dragging to clear it.

const SVGNS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** Milliseconds of the first day a (possibly partial) date names. */
function start(date) {
  const [y, m = "01", d = "01"] = date.split("-");
  return Date.UTC(+y, +m - 1, +d);
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

export class Timeline {
  constructor(el, onChange) {
    this.el = el;
    this.onChange = onChange;
    this.domain = null;
    this.range = null;
    el.addEventListener("pointerdown", (e) => this.down(e));
    el.addEventListener("pointermove", (e) => this.move(e));
    el.addEventListener("pointerup", (e) => this.up(e));
  }

  x(ms) {
    const [a, b] = this.domain;
    return 20 + ((ms - a) / Math.max(b - a, DAY)) * (this.width - 40);
  }

  ms(x) {
    const [a, b] = this.domain;
    const t = Math.min(Math.max((x - 20) / (this.width - 40), 0), 1);
    return a + t * Math.max(b - a, DAY);
  }

  /** Redraws bars for `events` (already filtered by everything but dates). */
  update(events, range) {
    this.range = range;
    this.width = this.el.clientWidth || 800;
    const dated = events.filter((e) => e.date).map((e) => start(e.date));
    this.el.replaceChildren();
    if (!dated.length) {
      this.domain = null;
      this.el.append(Object.assign(svg("text", { x: 20, y: 40, class: "axis" }), { textContent: "No dated events" }));
      return;
    }
    const lo = Math.min(...dated), hi = Math.max(...dated) + DAY;
    this.domain = [lo - DAY, hi + DAY];
    const monthly = hi - lo > 400 * DAY;
    const bin = (ms) => { const d = new Date(ms); return monthly ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) : ms; };
    const counts = new Map();
    for (const ms of dated) counts.set(bin(ms), (counts.get(bin(ms)) || 0) + 1);
    const max = Math.max(...counts.values());
    const w = Math.max(2, this.x(lo + (monthly ? 30 : 1) * DAY) - this.x(lo) - 1);
    for (const [ms, n] of counts) {
      const hgt = (n / max) * 48;
      const inside = !range || (iso(ms) >= range[0].slice(0, 10) && iso(ms) <= range[1]);
      this.el.append(svg("rect", { x: this.x(ms), y: 52 - hgt, width: w, height: hgt, class: inside ? "bar" : "bar out" }));
    }
    for (const ms of [this.domain[0] + DAY, this.domain[1] - DAY]) {
      this.el.append(Object.assign(svg("text", { x: this.x(ms), y: 66, class: "axis" }), { textContent: iso(ms) }));
    }
    if (range) {
      const a = this.x(start(range[0])), b = this.x(start(range[1]) + DAY);
      this.el.append(svg("rect", { x: a, y: 2, width: Math.max(b - a, 1), height: 52, class: "brush" }));
    }
  }

  down(e) {
    if (!this.domain) return;
    this.drag = { x0: e.offsetX, x1: e.offsetX };
    this.el.setPointerCapture(e.pointerId);
  }

  move(e) {
    if (!this.drag) return;
    this.drag.x1 = e.offsetX;
    this.el.querySelector(".brush.live")?.remove();
    const [a, b] = [this.drag.x0, this.drag.x1].sort((p, q) => p - q);
    this.el.append(svg("rect", { x: a, y: 2, width: b - a, height: 52, class: "brush live" }));
  }

  up() {
    if (!this.drag) return;
    const [a, b] = [this.drag.x0, this.drag.x1].sort((p, q) => p - q);
    this.drag = null;
    this.onChange(b - a < 3 ? null : [iso(this.ms(a)), iso(this.ms(b))]);
  }

  clear() { this.onChange(null); }
}
