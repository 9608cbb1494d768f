// End-to-end check of the map page in headless Chromium (driven by playwright-core), run by
// crates/marsad/tests/web.rs against a live `marsad serve`:
//   node web/tests/e2e.mjs BASE_URL TOKEN FIXTURE.jsonl OUT_DIR
// It ingests the fixture through the API, loads the map, clicks the Goris marker, checks that the
// highlighted evidence is the event's Arabic sentence shown right to left, opens a contested event
// and checks both claims are side by side, and saves screenshots in OUT_DIR. Exits non-zero on failure.
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, token, fixture, outDir] = process.argv.slice(2);
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
}

async function ingest() {
  const r = await fetch(new URL("/v1/documents", base), {
    method: "POST",
    headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${token}` },
    body: readFileSync(fixture),
  });
  check(r.status === 201, `ingest answered ${r.status}: ${await r.text()}`);
}

/** The text of every evidence-marked piece of the article, joined. */
const evidenceText = (page) => page.$$eval("#article .evidence", (els) => els.map((e) => e.textContent).join(""));

async function main() {
  mkdirSync(outDir, { recursive: true });
  await ingest();
  const doc = JSON.parse(readFileSync(fixture, "utf8").split("\n")[0]);
  const byId = Object.fromEntries(doc.output.events.map((e) => [e.id, e]));
  const profile = mkdtempSync(join(tmpdir(), "marsad-e2e-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    const errors = [];
    const foreign = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => { if (!r.url().startsWith(new URL(base).origin) && !r.url().startsWith("data:")) foreign.push(r.url()); });
    await page.goto(base);
    await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
    const markers = await page.locator("path.event-marker").count();
    check(markers > 0, "no event markers on the map");
    await page.screenshot({ path: join(outDir, "map.png") });

    // The shelling of Armenian villages (claimed by the Armenian authorities): click its Goris marker.
    await page.locator('path.event-marker[data-event-id="seed-ar:e3"][data-place="Goris"]').click();
    await page.waitForSelector("#article .evidence");
    const shown = await evidenceText(page);
    check(shown === byId["seed-ar:e3"].evidence, `evidence shown ${JSON.stringify(shown)}`);
    check(await page.$eval("#article", (a) => a.matches(":dir(rtl)")), "article is not right-to-left");
    const trigger = await page.$eval("#article .trigger", (t) => t.textContent);
    check(trigger === "قصف", `trigger highlight ${JSON.stringify(trigger)}`);
    const when = await page.$eval("#article .when", (t) => t.textContent);
    check(when === "صباح اليوم", `date evidence highlight ${JSON.stringify(when)}`);
    await page.screenshot({ path: join(outDir, "event.png") });

    // A contested event: Azerbaijan's claim of shelling by Armenian units, against Armenia's claim.
    await page.locator('path.event-marker[data-event-id="seed-ar:e2"]').first().click();
    await page.waitForFunction(() => document.querySelectorAll(".claims .claim").length === 2);
    check(await page.locator(".badge.contested").count() === 1, "contested badge missing");
    const shown2 = await evidenceText(page);
    check(shown2 === byId["seed-ar:e2"].evidence, `evidence shown ${JSON.stringify(shown2)}`);
    await page.screenshot({ path: join(outDir, "contested.png") });

    // Filters: contested only leaves the contested markers.
    await page.locator("text=← All events").click();
    await page.check("#f-contested");
    const ids = await page.$$eval("path.event-marker", (els) => [...new Set(els.map((e) => e.dataset.eventId))]);
    check(ids.length === 1 && ids[0] === "seed-ar:e2", `contested filter shows ${ids}`);

    check(errors.length === 0, `page errors: ${errors.join("; ")}`);
    check(foreign.length === 0, `requests outside the server: ${foreign.join(", ")}`);
    console.log(`e2e: ok (${markers} markers; screenshots in ${outDir})`);
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`e2e: ${e.stack || e}`);
  process.exit(1);
});
