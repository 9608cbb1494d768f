// Copies the map page's third-party files from node_modules into web/vendor/ (run once, when a
// vendored version changes: `npm ci && npm run vendor`). The result is committed; nothing is fetched
// at run time. The Natural Earth countries TopoJSON of world-atlas is converted to GeoJSON here with
// topojson-client, coordinates rounded to 3 decimals (~100 m, finer than the 1:50m source).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const nm = join(web, "node_modules");
const out = join(web, "vendor");

mkdirSync(join(out, "leaflet"), { recursive: true });
for (const f of ["leaflet.js", "leaflet.css"]) {
  copyFileSync(join(nm, "leaflet/dist", f), join(out, "leaflet", f));
}
copyFileSync(join(nm, "leaflet/LICENSE"), join(out, "leaflet/LICENSE"));

mkdirSync(join(out, "world"), { recursive: true });
const topo = JSON.parse(readFileSync(join(nm, "world-atlas/countries-50m.json"), "utf8"));
const geo = feature(topo, topo.objects.countries);
const round = (x) => (Array.isArray(x) ? x.map(round) : Math.round(x * 1000) / 1000);
for (const f of geo.features) {
  f.geometry.coordinates = round(f.geometry.coordinates);
}
writeFileSync(join(out, "world/countries-50m.geojson"), JSON.stringify(geo));
copyFileSync(join(nm, "world-atlas/LICENSE"), join(out, "world/LICENSE"));
