#!/usr/bin/env node
// The first screen's JavaScript, gzipped: the entry chunk, every chunk it imports statically, and
// the French catalogue the entry loads before its first render — what the browser must download
// before anything shows — read from Vite's manifest. Lazy chunks (pages, the chart library, the
// other languages) are not part of it. Exits non-zero above the budget, failing the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** @typedef {{ file: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[] }} Chunk */

const BUDGET_BYTES = 250 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSON, typed by the cast
const manifest = /** @type {Record<string, Chunk>} */ (
  JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
);

/** @param {string} key */
const chunk = (key) => {
  const found = manifest[key];
  if (!found) throw new TypeError(`${key} is not in the manifest`);
  return found;
};
/** @param {string} key */
const gzipped = (key) => gzipSync(readFileSync(join(dist, chunk(key).file)), { level: 9 }).length;
/** @param {number} bytes */
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * A chunk and its static imports, each once.
 * @param {string} key
 * @param {Set<string>} seen
 */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk(key).imports ?? []) closure(imported, seen);
  return seen;
}
/** @param {string} suffix */
const keyEndingWith = (suffix) => Object.keys(manifest).find((key) => key.endsWith(suffix));

const entries = Object.keys(manifest).filter((key) => chunk(key).isEntry);
const [entry] = entries;
if (entries.length !== 1 || !entry)
  throw new TypeError(`expected one entry, found ${entries.length}`);
const firstScreen = closure(entry);
const catalogue = keyEndingWith('src/i18n/fr.json');
if (catalogue) closure(catalogue, firstScreen);
const total = [...firstScreen].reduce((sum, key) => sum + gzipped(key), 0);

console.log('First screen JavaScript (entry, its static imports, the French catalogue; gzip -9):');
for (const key of firstScreen) console.log(`  ${chunk(key).file.padEnd(42)} ${kib(gzipped(key))}`);
console.log(`  total ${kib(total)} of a ${kib(BUDGET_BYTES)} budget`);

// For information: what the signed-in first screen adds after the entry, lazily.
for (const [label, suffix] of [
  ['Dashboard chunk and its own imports', 'src/pages/dashboard.tsx'],
  ['Term timeline with the chart library', 'src/pages/dashboard/term-timeline.tsx'],
  ['Programme panel (budget and indicator charts)', 'src/pages/dashboard/programme-panel.tsx'],
  ['Action page with the budget editor', 'src/pages/action.tsx'],
  ['Mission page with the cost split', 'src/pages/mission.tsx'],
  ['Indicator page', 'src/pages/indicator.tsx'],
  ['Indicator progress chart', 'src/pages/indicator/progress-chart.tsx'],
  ['Evaluation page with its report', 'src/pages/evaluation.tsx'],
]) {
  const key = keyEndingWith(suffix);
  if (!key) continue;
  const added = [...closure(key)].filter((item) => !firstScreen.has(item));
  console.log(
    `${label}, loaded lazily: ${kib(added.reduce((sum, item) => sum + gzipped(item), 0))}`,
  );
}
if (total > BUDGET_BYTES) {
  console.error(`The first screen's JavaScript is over budget by ${kib(total - BUDGET_BYTES)}.`);
  process.exit(1);
}
