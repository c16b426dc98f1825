#!/usr/bin/env bash
# Checks the package as a stranger gets it: packs it, installs the tarball in an empty project
# outside the repository, and imports it with plain Node (no TypeScript loader, no workspace).
# Fails if the package needs anything but its declared runtime dependencies.
set -euo pipefail

package_dir="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$package_dir"
rm -rf dist
npm run build --silent
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"

if tar -tzf "$work/$tarball" | grep -E '\.(test|bench)\.|test-fixtures|\.ts$' | grep -v '\.d\.ts$'; then
  echo "the tarball ships test or source files" >&2
  exit 1
fi

cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "./$tarball"

node --input-type=module -e '
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  DEFAULT_BUDGET_POLICY, budgetViolations, convertMoney, costSharing, currency, formatMoney,
  parseIsoDate, parseMoney, parseRate, splitEvenly, statusAt, unwrap,
} from "@coop/domain";

const manifest = JSON.parse(readFileSync("node_modules/@coop/domain/package.json", "utf8"));
assert.deepEqual(Object.keys(manifest.dependencies ?? {}).sort(), ["dinero.js", "temporal-polyfill"]);

const date = (s) => unwrap(parseIsoDate(s));
const signed = { signature: { place: null, date: date("2016-06-01"), originals: 6 }, durationYears: 5, renewals: [] };
assert.equal(statusAt(signed, date("2021-05-31")), "EXPIRING");
assert.equal(statusAt(signed, date("2021-06-01")), "EXPIRED");

const euros = unwrap(parseMoney("100.00", "EUR"));
assert.deepEqual(splitEvenly(euros, 3).map(formatMoney), ["33.34", "33.33", "33.33"]);
assert.equal(parseMoney("12.345", "EUR").error.code, "TOO_MANY_DECIMALS");

const rates = [unwrap(parseRate({ from: "EUR", to: "MAD", rate: "10.8123", validFrom: "2016-01-01" }))];
assert.equal(formatMoney(unwrap(convertMoney(euros, currency("MAD"), rates, date("2017-01-01")))), "1081.23");

const shares = unwrap(costSharing({ origin: "dijon", host: "chefchaouen", costs: [
  { category: "INTERNATIONAL_TRANSPORT", amount: unwrap(parseMoney("1260.00", "EUR")) },
  { category: "ACCOMMODATION", amount: unwrap(parseMoney("7500.00", "MAD")) },
] }));
assert.deepEqual(shares.map((s) => [s.party, s.amounts.map(formatMoney)]), [["dijon", ["1260.00"]], ["chefchaouen", ["7500.00"]]]);

const budget = { parties: ["dijon", "chefchaouen"], lines: [{ category: "OTHER", label: "x", amount: euros }],
  contributions: [{ kind: "PARTY_CASH", party: "dijon", amount: euros }] };
const context = { reportingCurrency: currency("EUR"), rates, date: date("2017-01-01") };
assert.deepEqual(budgetViolations(budget, DEFAULT_BUDGET_POLICY, context).map((v) => v.code), ["PARTY_CONTRIBUTES_NOTHING"]);
console.log("@coop/domain imports and runs from its tarball with plain Node");
'
