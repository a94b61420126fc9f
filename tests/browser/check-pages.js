#!/usr/bin/env node
// Checks govkg's two HTML pages in headless Chromium (Debian's package,
// never a browser downloaded by Playwright). Run by .ci/browser-test:
//
//   node check-pages.js --govkg target/debug/govkg --out target/browser [--update-screenshots]
//
// For the sample corpus and for an invented hostile document it generates
// the documents page (`govkg tag --format html`) and the graph page
// (`govkg graph --format html`), opens both from file:// and asserts:
// one highlighted entity per entity of `govkg tag`'s JSON, one drawn node
// per node of `govkg graph --format json`, no console error, no page
// error, no dialog, the XSS payloads shown as text, clicking a node lists
// its mentions, and the search box filters; and that the drawing opens
// fitted, keeps nodes and labels apart, shows edge types only on hover or
// selection, and hides the nodes without relations behind a toggle with
// their count. Screenshots go to --out; with
// --update-screenshots the corpus ones are also copied to docs/img/.
// SPDX-License-Identifier: MIT OR Apache-2.0
'use strict';

const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const GOVKG = path.resolve(opt('--govkg', path.join(ROOT, 'target', 'debug', 'govkg')));
const OUT = path.resolve(opt('--out', path.join(ROOT, 'target', 'browser')));
const CHROMIUM = opt('--chromium', '/usr/bin/chromium');
const UPDATE = args.includes('--update-screenshots');

const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
const IMG_PAYLOAD = '"><img src=x onerror=alert(1)>';

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) { failures += 1; }
}

function govkg(argv) {
  return execFileSync(GOVKG, argv, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });
}

// The hostile inputs: a plain article with both payloads inside the
// sentences the extractor relates, and a tagged document whose entity
// names are the payloads (so they become graph nodes).
function writeHostile(dir) {
  const article = `${SCRIPT_PAYLOAD}\n11月20日,区委副书记于勇来到七宝镇${SCRIPT_PAYLOAD}开展督查${IMG_PAYLOAD}。\n` +
    `镇党委书记严俊陪同督查。${IMG_PAYLOAD}\n`;
  const articlePath = path.join(dir, 'hostile-article.txt');
  fs.writeFileSync(articlePath, article);
  const text = `${SCRIPT_PAYLOAD}来到${IMG_PAYLOAD}。`;
  const cp = (s) => Array.from(s).length;
  const a = cp(SCRIPT_PAYLOAD);
  const b = a + 2;
  const tagged = {
    id: `hostile-names ${SCRIPT_PAYLOAD}`,
    text,
    entities: [
      { id: 'e1', type: 'PERSON', start: 0, end: a, text: SCRIPT_PAYLOAD },
      { id: 'e2', type: 'PLACE', start: b, end: b + cp(IMG_PAYLOAD), text: IMG_PAYLOAD },
    ],
    relations: [{ type: 'VISIT', head: 'e1', tail: 'e2', purpose: SCRIPT_PAYLOAD, evidence: [0, cp(text)] }],
  };
  const taggedPath = path.join(dir, 'hostile-names.jsonl');
  fs.writeFileSync(taggedPath, JSON.stringify(tagged) + '\n');
  return { articlePath, taggedPath };
}

async function openPage(context, file) {
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  page.on('console', (m) => { if (m.type() === 'error') { problems.push(`console: ${m.text()}`); } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) { problems.push(`network request: ${r.url()}`); }
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return { page, problems, dialogs };
}

async function checkDocumentsPage(context, name, htmlFile, docs, hostile) {
  const { page, problems, dialogs } = await openPage(context, htmlFile);
  const expected = docs.reduce((n, d) => n + d.entities.length, 0);
  const marks = await page.locator('mark.ent').count();
  check(marks === expected, `${name} documents page: ${marks} highlighted entities, ${expected} in govkg tag's JSON`);
  // Each document's marks carry exactly its entities' types and offsets.
  // An entity crossing another is drawn in two pieces: its mark and a
  // continuation (mark.ent-cont) with the same data attributes.
  const perDoc = await page.$$eval('article.doc', (arts) => arts.map((a) => {
    const plain = (m) => {
      const c = m.cloneNode(true);
      c.querySelectorAll('.lbl').forEach((l) => l.remove());
      return c.textContent;
    };
    const conts = Array.from(a.querySelectorAll('mark.ent-cont'));
    return Array.from(a.querySelectorAll('mark.ent')).map((m) => {
      const rest = conts.filter((c) => c.dataset.start === m.dataset.start &&
        c.dataset.end === m.dataset.end && c.dataset.type === m.dataset.type).map(plain).join('');
      return [m.dataset.type, Number(m.dataset.start), Number(m.dataset.end), plain(m) + rest, m.title];
    });
  }));
  check(perDoc.length === docs.length, `${name}: ${perDoc.length} documents shown, ${docs.length} tagged`);
  let offsetsOk = true;
  let textOk = 0;
  docs.forEach((d, i) => {
    const got = (perDoc[i] || []).map((m) => `${m[0]} ${m[1]} ${m[2]}`).sort();
    const want = d.entities.map((e) => `${e.type} ${e.start} ${e.end}`).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) { offsetsOk = false; }
    for (const m of perDoc[i] || []) {
      const e = d.entities.find((x) => x.type === m[0] && x.start === m[1] && x.end === m[2]);
      if (e && e.text === m[3] && m[4].includes(`${e.type}`) && m[4].includes(`${e.start}–${e.end}`)) { textOk += 1; }
    }
  });
  check(offsetsOk, `${name}: every mark has its entity's type and code-point offsets`);
  check(textOk === expected, `${name}: ${textOk}/${expected} marks hold their entity's text and a tooltip with type and offsets`);
  const relations = docs.reduce((n, d) => n + (d.relations || []).length, 0);
  const rels = await page.locator('li.rel').count();
  check(rels === relations, `${name}: ${rels} relations listed, ${relations} in the JSON`);
  if (hostile) {
    const body = await page.locator('body').innerText();
    check(body.includes(SCRIPT_PAYLOAD) && body.includes(IMG_PAYLOAD), `${name}: both XSS payloads are visible text`);
    check(await page.locator('img').count() === 0, `${name}: no <img> element was created`);
    check(await page.locator('script').count() === 0, `${name}: the page has no script element`);
  }
  check(dialogs.length === 0, `${name}: no dialog opened ${dialogs.join('; ')}`);
  check(problems.length === 0, `${name}: no console or page errors ${problems.join('; ')}`);
  return page;
}

async function checkGraphPage(context, name, htmlFile, graph, hostile) {
  const { page, problems, dialogs } = await openPage(context, htmlFile);
  const nodes = graph.nodes;
  const drawn = await page.locator('svg#graph g.node').count();
  check(drawn === nodes.length, `${name} graph page: ${drawn} drawn nodes, ${nodes.length} in govkg graph --format json`);
  const edges = await page.locator('svg#graph g.edge').count();
  check(edges === graph.edges.length, `${name}: ${edges} drawn edges, ${graph.edges.length} in the JSON`);
  const placed = await page.$$eval('svg#graph g.node', (gs) => gs.every((g) => /^translate\(-?[\d.]+,-?[\d.]+\)$/.test(g.getAttribute('transform'))));
  check(placed, `${name}: every node has a finite position`);
  const labels = await page.$$eval('svg#graph g.node text', (ts) => ts.map((t) => t.textContent));
  // A label is the node's name with the jurisdiction its id carries
  // (`王伟@青山区`): the id without its kind.
  const keys = nodes.map((n) => n.id.slice(n.id.indexOf(':') + 1));
  check(JSON.stringify(labels.slice().sort()) === JSON.stringify(keys.sort()), `${name}: node labels are the node names with their ids' jurisdictions`);

  // The nodes without relations are off at first, behind a toggle that
  // gives their count.
  const related = new Set();
  graph.edges.forEach((e) => { related.add(e.source); related.add(e.target); });
  const lonely = nodes.filter((n) => !related.has(n.id)).length;
  const shownNodes = () => page.$$eval('svg#graph g.node', (gs) => gs.filter((g) => getComputedStyle(g).display !== 'none').length);
  check(await shownNodes() === nodes.length - lonely, `${name}: ${await shownNodes()} nodes shown at first, the ${nodes.length - lonely} with relations`);
  const toggleText = await page.locator('#show-lonely-label').innerText();
  check(!(await page.locator('#show-lonely').isChecked()) && toggleText.includes(` ${lonely} `),
    `${name}: the toggle is off and says ${JSON.stringify(toggleText)} (${lonely} without relations)`);

  // The page opens fitted: every node shown lies inside the drawing area.
  const inside = () => page.evaluate(() => {
    const area = document.getElementById('graph').getBoundingClientRect();
    return Array.from(document.querySelectorAll('svg#graph g.node')).filter((g) => getComputedStyle(g).display !== 'none')
      .every((g) => {
        const c = g.querySelector('circle').getBoundingClientRect();
        const x = c.left + c.width / 2;
        const y = c.top + c.height / 2;
        return x >= area.left && x <= area.right && y >= area.top && y <= area.bottom;
      });
  });
  check(await inside(), `${name}: the page opens fitted, every node shown inside the drawing`);

  // The layout keeps nodes apart: no two circles shown overlap, nor do
  // two labels.
  const overlaps = await page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll('svg#graph g.node')).filter((g) => getComputedStyle(g).display !== 'none');
    const circles = shown.map((g) => g.querySelector('circle').getBoundingClientRect());
    const texts = shown.map((g) => g.querySelector('text').getBoundingClientRect());
    let c = 0;
    let t = 0;
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const a = circles[i];
        const b = circles[j];
        const d = Math.hypot(a.left + a.width / 2 - b.left - b.width / 2, a.top + a.height / 2 - b.top - b.height / 2);
        if (d < (a.width + b.width) / 2 - 0.5) { c += 1; }
        const p = texts[i];
        const q = texts[j];
        const ox = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const oy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (ox > 1 && oy > 1) { t += 1; }
      }
    }
    return { circles: c, labels: t, shown: shown.length };
  });
  check(overlaps.circles === 0 && overlaps.labels === 0,
    `${name}: of ${overlaps.shown} nodes shown, ${overlaps.circles} circles and ${overlaps.labels} labels overlap`);

  // Edge types are hidden until an edge's node is hovered or selected.
  const edgeLabels = () => page.$$eval('svg#graph g.edge text', (ts) => ts.filter((t) => getComputedStyle(t).visibility === 'visible').length);
  check(await edgeLabels() === 0, `${name}: no edge type shown at first (${await edgeLabels()})`);

  // Click the node with the most relations (then mentions): the panel
  // lists its mentions and relations.
  const degreeOf = (n) => graph.edges.filter((e) => e.source === n.id || e.target === n.id).length;
  const top = nodes.slice().sort((a, b) => degreeOf(b) - degreeOf(a) || b.mentions - a.mentions || (a.id < b.id ? -1 : 1))[0];
  const topNode = page.locator(`svg#graph g.node[data-index="${nodes.indexOf(top)}"] circle`);
  await topNode.hover();
  const hovered = await edgeLabels();
  check(hovered === degreeOf(top), `${name}: hovering ${top.id} shows the types of its ${degreeOf(top)} edges (${hovered})`);
  await page.mouse.move(1, 1);
  await topNode.click();
  check(await edgeLabels() === degreeOf(top), `${name}: selecting ${top.id} shows the types of its edges`);
  const shown = await page.locator('#details .mention').count();
  check(shown === top.mentions, `${name}: clicking ${top.id} lists ${shown} mentions, the graph has ${top.mentions}`);
  const heading = await page.locator('#details h2').innerText();
  check(heading.includes(top.name), `${name}: the panel is headed ${JSON.stringify(heading)}`);
  const degree = degreeOf(top);
  const listed = await page.locator('#details li.edge-item').count();
  check(listed === degree, `${name}: the panel lists ${listed} relations of ${top.id}, the graph has ${degree}`);
  if (name === 'corpus') {
    await page.screenshot({ path: path.join(OUT, 'graph-page.png') });
  }

  // The search box: a query lights exactly the nodes whose name, id or alias holds it.
  const query = Array.from(top.name).slice(0, 2).join('');
  await page.fill('#search', query);
  const q = query.toLowerCase();
  const want = nodes.filter((n) => [n.name, n.id].concat(n.aliases || []).join('\n').toLowerCase().includes(q)).length;
  const lit = await page.locator('svg#graph g.node:not(.dim)').count();
  check(lit === want && want < nodes.length, `${name}: searching ${JSON.stringify(query)} leaves ${lit} nodes lit, ${want} match (of ${nodes.length})`);
  const counter = await page.locator('#match-count').innerText();
  check(counter.startsWith(`${want} of ${nodes.length}`), `${name}: the match counter says ${JSON.stringify(counter)}`);
  if (name === 'corpus') {
    await page.screenshot({ path: path.join(OUT, 'graph-search.png') });
  }
  await page.fill('#search', '');
  check(await page.locator('svg#graph g.node.dim').count() === 0, `${name}: clearing the search lights every node again`);

  // The toggle shows the nodes without relations, fitted, and hides them again.
  if (lonely > 0) {
    await page.locator('#show-lonely').check();
    check(await shownNodes() === nodes.length, `${name}: the toggle shows all ${nodes.length} nodes`);
    check(await inside(), `${name}: with the toggle on, every node lies inside the drawing`);
    await page.locator('#show-lonely').uncheck();
    check(await shownNodes() === nodes.length - lonely, `${name}: unchecking hides the ${lonely} again`);
  }

  if (hostile) {
    const labelsText = labels.join('\n');
    check(labelsText.includes(SCRIPT_PAYLOAD) && labelsText.includes(IMG_PAYLOAD), `${name}: the payloads are node labels, as text`);
    const bad = nodes.find((n) => n.name === SCRIPT_PAYLOAD);
    if (bad) {
      await page.locator(`svg#graph g.node[data-index="${nodes.indexOf(bad)}"] circle`).click();
      const panel = await page.locator('#details').innerText();
      check(panel.includes(SCRIPT_PAYLOAD) && panel.includes(IMG_PAYLOAD), `${name}: the panel shows the payloads as text`);
    }
    check(await page.locator('img').count() === 0, `${name}: no <img> element was created`);
    check(await page.locator('script').count() === 2, `${name}: only the page's two script elements exist`);
  }
  check(dialogs.length === 0, `${name}: no dialog opened ${dialogs.join('; ')}`);
  check(problems.length === 0, `${name}: no console or page errors ${problems.join('; ')}`);
  return page;
}

function nodeLinkSummary(json) {
  // Node-link JSON as `govkg graph --format json` writes it.
  const v = JSON.parse(json);
  return {
    nodes: v.nodes.map((n) => ({ id: n.id, name: n.name, mentions: n.mentions, aliases: n.aliases })),
    edges: v.edges,
  };
}

async function main() {
  if (!fs.existsSync(GOVKG)) { throw new Error(`${GOVKG}: no govkg binary (build it first)`); }
  if (!fs.existsSync(CHROMIUM)) { throw new Error(`${CHROMIUM}: no chromium (apt-get install chromium)`); }
  fs.mkdirSync(OUT, { recursive: true });
  const corpus = path.join(ROOT, 'tests', 'fixtures', 'corpus');
  const hostile = writeHostile(OUT);
  // The graphs are built from `govkg tag`'s output (tagging once is
  // enough), plus, for the hostile case, the tagged file of hostile names.
  const cases = [
    { name: 'corpus', inputs: [corpus], extraTagged: [], hostile: false },
    { name: 'hostile', inputs: [hostile.articlePath], extraTagged: [hostile.taggedPath], hostile: true },
  ];
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'govkg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    offline: true,
  });
  try {
    for (const c of cases) {
      const tagHtml = path.join(OUT, `${c.name}-tag.html`);
      const graphHtml = path.join(OUT, `${c.name}-graph.html`);
      const tagged = govkg(['tag', ...c.inputs]);
      const taggedPath = path.join(OUT, `${c.name}-tagged.jsonl`);
      fs.writeFileSync(taggedPath, tagged);
      const docs = tagged.trim().split('\n').map((l) => JSON.parse(l));
      govkg(['tag', '--format', 'html', '-o', tagHtml, ...c.inputs]);
      const graphInputs = [taggedPath, ...c.extraTagged];
      govkg(['graph', '-q', '--format', 'html', '-o', graphHtml, ...graphInputs]);
      const graph = nodeLinkSummary(govkg(['graph', '-q', '--format', 'json', '-o', '-', ...graphInputs]));
      console.log(`== ${c.name}: ${docs.length} documents, ${graph.nodes.length} nodes, ${graph.edges.length} edges`);
      const dp = await checkDocumentsPage(context, c.name, tagHtml, docs, c.hostile);
      await dp.screenshot({ path: path.join(OUT, c.name === 'corpus' ? 'tag-page.png' : `${c.name}-tag-page.png`) });
      await dp.close();
      const gp = await checkGraphPage(context, c.name, graphHtml, graph, c.hostile);
      if (c.hostile) { await gp.screenshot({ path: path.join(OUT, 'hostile-graph-page.png') }); }
      await gp.close();
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`screenshots in ${OUT}`);
  if (UPDATE) {
    const img = path.join(ROOT, 'docs', 'img');
    fs.mkdirSync(img, { recursive: true });
    for (const f of ['tag-page.png', 'graph-page.png']) {
      fs.copyFileSync(path.join(OUT, f), path.join(img, f));
      console.log(`updated docs/img/${f}`);
    }
  }
  if (failures > 0) {
    console.error(`${failures} browser check(s) failed`);
    process.exit(1);
  }
  console.log('all browser checks passed');
}

main().catch((e) => {
  console.error(`browser test: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
