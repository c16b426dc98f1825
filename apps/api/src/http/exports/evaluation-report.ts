import {
  formatMoney,
  type AnnualEvaluationReport,
  type Money,
  type ReportedAmount,
} from '@coop/domain';
import { createContext } from '../../context.js';
import type { ConventionRow } from '../../db/tables/convention.js';
import type { EvaluationRow } from '../../db/tables/evaluation.js';
import { allowedYearsOfTerms } from '../../mapping/indicator.js';
import { findEvaluationOfPeriod } from '../../repositories/evaluation.js';
import { computeReport, reportOfEvaluation } from '../../schema/evaluation-report.js';
import { termsOfConvention } from '../../schema/programme-data.js';
import { partiesOf, visibleConvention } from './convention-export.js';
import { slug, type DownloadResult, type DownloadRoute, type SignedInRequest } from './download.js';

/**
 * GET /exports/conventions/{id}/evaluations/{year} — the annual evaluation (A6) as a printable HTML
 * page for the councils: every agreed indicator against the year's target, the budget planned and
 * executed per action, party and axis, the axes' narratives and the totals. The figures are the
 * domain's annualEvaluation, as GraphQL's `Evaluation.report` answers them; the page only
 * lays them out. `?lang=fr|en|ar` (French by default; Arabic right to left).
 */

type Lang = 'fr' | 'en' | 'ar';

const LABELS = {
  fr: {
    title: 'Évaluation annuelle',
    convention: 'Convention',
    parties: 'Parties',
    reportDate: 'Situation au',
    reportingCurrency: 'Monnaie de compte',
    status: 'Statut de l’évaluation',
    notRecorded: 'non encore ouverte',
    communicated: 'Communiquée le',
    summary: 'Synthèse',
    indicators: 'Indicateurs définis en commun',
    code: 'Code',
    indicator: 'Indicateur',
    unit: 'Unité',
    baseline: 'Référence',
    target: 'Cible',
    actual: 'Réalisé',
    progress: 'Avancement',
    noIndicator: 'Aucun indicateur approuvé par toutes les parties.',
    pending: 'Indicateurs en attente d’approbation',
    waitingFor: 'En attente de',
    actions: 'Budget par action',
    action: 'Action',
    axis: 'Axe',
    actionStatus: 'Statut',
    planned: 'Prévu',
    executed: 'Exécuté',
    rate: 'Taux d’exécution',
    byParty: 'Budget par partie',
    party: 'Partie',
    axes: 'Axes et récits',
    noNarrative: 'Pas de récit pour cet axe.',
    totals: 'Totaux',
    total: 'Total',
    missionsHeld: 'Missions réalisées',
    delegates: 'Délégués par catégorie',
    missingRates: 'Taux de change à enregistrer',
    noAction: 'Aucune action cette année.',
  },
  en: {
    title: 'Annual evaluation',
    convention: 'Convention',
    parties: 'Parties',
    reportDate: 'As at',
    reportingCurrency: 'Reporting currency',
    status: 'Evaluation status',
    notRecorded: 'not opened yet',
    communicated: 'Communicated on',
    summary: 'Summary',
    indicators: 'Jointly defined indicators',
    code: 'Code',
    indicator: 'Indicator',
    unit: 'Unit',
    baseline: 'Baseline',
    target: 'Target',
    actual: 'Actual',
    progress: 'Progress',
    noIndicator: 'No indicator approved by every party.',
    pending: 'Indicators awaiting approval',
    waitingFor: 'Waiting for',
    actions: 'Budget per action',
    action: 'Action',
    axis: 'Axis',
    actionStatus: 'Status',
    planned: 'Planned',
    executed: 'Executed',
    rate: 'Execution rate',
    byParty: 'Budget per party',
    party: 'Party',
    axes: 'Axes and narratives',
    noNarrative: 'No narrative for this axis.',
    totals: 'Totals',
    total: 'Total',
    missionsHeld: 'Missions held',
    delegates: 'Delegates by category',
    missingRates: 'Exchange rates to record',
    noAction: 'No action this year.',
  },
  ar: {
    title: 'التقييم السنوي',
    convention: 'الاتفاقية',
    parties: 'الأطراف',
    reportDate: 'الوضعية بتاريخ',
    reportingCurrency: 'عملة الحساب',
    status: 'حالة التقييم',
    notRecorded: 'لم يُفتح بعد',
    communicated: 'أُبلغ بتاريخ',
    summary: 'ملخص',
    indicators: 'المؤشرات المحددة بشكل مشترك',
    code: 'الرمز',
    indicator: 'المؤشر',
    unit: 'الوحدة',
    baseline: 'القيمة المرجعية',
    target: 'الهدف',
    actual: 'المنجز',
    progress: 'التقدم',
    noIndicator: 'لا يوجد مؤشر وافقت عليه جميع الأطراف.',
    pending: 'مؤشرات في انتظار الموافقة',
    waitingFor: 'في انتظار',
    actions: 'الميزانية حسب العمل',
    action: 'العمل',
    axis: 'المحور',
    actionStatus: 'الحالة',
    planned: 'المتوقع',
    executed: 'المنفذ',
    rate: 'نسبة التنفيذ',
    byParty: 'الميزانية حسب الطرف',
    party: 'الطرف',
    axes: 'المحاور والسرد',
    noNarrative: 'لا يوجد سرد لهذا المحور.',
    totals: 'المجاميع',
    total: 'المجموع',
    missionsHeld: 'البعثات المنجزة',
    delegates: 'المندوبون حسب الفئة',
    missingRates: 'أسعار صرف يجب تسجيلها',
    noAction: 'لا يوجد عمل هذه السنة.',
  },
} satisfies Record<Lang, Record<string, string>>;

type Labels = (typeof LABELS)['fr'];

/** The statuses a council reads: evaluation (A6), action, indicator progress. */
const STATUSES: Record<Lang, Record<string, string>> = {
  fr: {
    DRAFT: 'Brouillon',
    SUBMITTED: 'Soumise',
    APPROVED: 'Approuvée',
    PLANNED: 'Prévue',
    IN_PROGRESS: 'En cours',
    COMPLETED: 'Terminée',
    CANCELLED: 'Annulée',
    NO_TARGET: 'Pas de cible',
    NO_MEASUREMENT: 'Pas de mesure',
    BEHIND: 'En retard',
    ON_TRACK: 'En bonne voie',
    MET: 'Atteint',
  },
  en: {
    DRAFT: 'Draft',
    SUBMITTED: 'Submitted',
    APPROVED: 'Approved',
    PLANNED: 'Planned',
    IN_PROGRESS: 'In progress',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
    NO_TARGET: 'No target',
    NO_MEASUREMENT: 'No measurement',
    BEHIND: 'Behind',
    ON_TRACK: 'On track',
    MET: 'Met',
  },
  ar: {
    DRAFT: 'مسودة',
    SUBMITTED: 'مقدَّم',
    APPROVED: 'مصادق عليه',
    PLANNED: 'مبرمج',
    IN_PROGRESS: 'قيد الإنجاز',
    COMPLETED: 'منجز',
    CANCELLED: 'ملغى',
    NO_TARGET: 'بدون هدف',
    NO_MEASUREMENT: 'بدون قياس',
    BEHIND: 'متأخر',
    ON_TRACK: 'في الطريق الصحيح',
    MET: 'محقق',
  },
};

const statusText = (status: string, lang: Lang) => STATUSES[lang][status] ?? status;

function langOf(url: URL): Lang {
  const asked = url.searchParams.get('lang');
  return asked === 'en' || asked === 'ar' ? asked : 'fr';
}

/** Every value written into the page goes through here: no markup from the data, ever. */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

/** An exact amount as the locale writes decimals: "12000,00 EUR" in French. */
function moneyText(money: Money, lang: Lang): string {
  const amount = formatMoney(money);
  return `${lang === 'fr' ? amount.replace('.', ',') : amount} ${money.currency}`;
}

/** The reporting currency's total, else each currency's (a rate is missing). */
function amountText(amount: ReportedAmount, lang: Lang): string {
  if (amount.reporting) return moneyText(amount.reporting, lang);
  return amount.byCurrency.map((money) => moneyText(money, lang)).join(' + ') || '—';
}

function decimalText(value: string | null, lang: Lang): string {
  if (value === null) return '—';
  return lang === 'fr' ? value.replace('.', ',') : value;
}

const percentText = (value: string | null, lang: Lang) =>
  value === null ? '—' : `${decimalText(value, lang)} %`;

const rowHtml = (cells: readonly string[]) =>
  `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;

function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  total?: readonly string[],
): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const foot = total ? `\n<tfoot>${rowHtml(total)}</tfoot>` : '';
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.map(rowHtml).join('\n')}\n</tbody>${foot}\n</table>`;
}

interface ReportPage {
  readonly convention: ConventionRow;
  readonly partyNames: ReadonlyMap<number, string>;
  readonly evaluation: EvaluationRow | null;
  readonly report: AnnualEvaluationReport;
  readonly lang: Lang;
}

/** The page: plain semantic HTML with a print style sheet, no script, nothing loaded from outside. */
export function evaluationReportHtml(page: ReportPage): string {
  const { convention, partyNames, evaluation, report, lang } = page;
  const l: Labels = LABELS[lang];
  const name = (id: string | number) => partyNames.get(Number(id)) ?? String(id);
  const axisTitles = new Map(report.axes.map((axis) => [String(axis.id), axis.title]));
  const title = `${l.title} ${report.year} — ${convention.title}`;

  const facts = [
    [l.convention, convention.title],
    [l.parties, [...partyNames.values()].join(', ')],
    [l.reportDate, report.date],
    [l.reportingCurrency, report.reportingCurrency],
    [
      l.status,
      evaluation
        ? `${statusText(evaluation.status, lang)}${evaluation.communicated_on ? ` — ${l.communicated} ${evaluation.communicated_on}${evaluation.communicated_to ? ` (${evaluation.communicated_to})` : ''}` : ''}`
        : l.notRecorded,
    ],
  ]
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');

  const indicators =
    report.indicators.length === 0
      ? `<p>${escapeHtml(l.noIndicator)}</p>`
      : table(
          [l.code, l.indicator, l.unit, l.baseline, l.target, l.actual, l.progress],
          report.indicators.map((line) => [
            line.code,
            line.name,
            line.unit,
            decimalText(line.progress.baseline, lang),
            decimalText(line.progress.target, lang),
            decimalText(line.progress.actual, lang),
            statusText(line.progress.status, lang),
          ]),
        );
  const pending =
    report.pendingIndicators.length === 0
      ? ''
      : `<h2>${escapeHtml(l.pending)}</h2>\n${table(
          [l.code, l.indicator, l.waitingFor],
          report.pendingIndicators.map((line) => [
            line.code,
            line.name,
            line.waitingFor.map(name).join(', '),
          ]),
        )}`;
  const actions =
    report.actions.length === 0
      ? `<p>${escapeHtml(l.noAction)}</p>`
      : table(
          [l.action, l.axis, l.actionStatus, l.planned, l.executed, l.rate],
          report.actions.map((line) => [
            line.title,
            axisTitles.get(String(line.axisId)) ?? '',
            statusText(line.status, lang),
            amountText(line.planned, lang),
            amountText(line.executed, lang),
            percentText(line.executionRatePercent, lang),
          ]),
          [
            l.total,
            '',
            '',
            amountText(report.totals.planned, lang),
            amountText(report.totals.executed, lang),
            percentText(report.totals.executionRatePercent, lang),
          ],
        );
  const parties = table(
    [l.party, l.planned, l.executed, l.rate],
    report.parties.map((line) => [
      name(line.party),
      amountText(line.planned, lang),
      amountText(line.executed, lang),
      percentText(line.executionRatePercent, lang),
    ]),
  );
  const axes = report.axes
    .map(
      (axis) =>
        `<section class="axis">\n<h3>${escapeHtml(axis.title)}</h3>\n<p class="figures">${escapeHtml(
          `${l.planned} : ${amountText(axis.planned, lang)} — ${l.executed} : ${amountText(axis.executed, lang)}`,
        )}</p>\n${
          axis.narrative
            ? axis.narrative
                .split(/\n{2,}/)
                .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
                .join('\n')
            : `<p class="empty">${escapeHtml(l.noNarrative)}</p>`
        }\n</section>`,
    )
    .join('\n');
  const delegates = Object.entries(report.totals.delegates)
    .filter(([, count]) => count > 0)
    .map(([category, count]) => `${category}: ${count}`)
    .join(', ');
  const totals = `<dl>\n<dt>${escapeHtml(l.missionsHeld)}</dt><dd>${escapeHtml(report.totals.missionsHeld)}</dd>\n<dt>${escapeHtml(l.delegates)}</dt><dd>${escapeHtml(delegates || '—')}</dd>\n</dl>`;
  const missingRates =
    report.missingRates.length === 0
      ? ''
      : `<h2>${escapeHtml(l.missingRates)}</h2>\n<ul>${report.missingRates
          .map((rate) => `<li>${escapeHtml(`${rate.from} → ${rate.to} (${rate.date})`)}</li>`)
          .join('')}</ul>`;
  const summary = evaluation?.summary
    ? `<h2>${escapeHtml(l.summary)}</h2>\n<p>${escapeHtml(evaluation.summary)}</p>`
    : '';

  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: start; vertical-align: top; }
tfoot td { font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; } dt { font-weight: 600; } dd { margin: 0; }
.empty { color: #666; font-style: italic; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr, section { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<dl>
${facts}
</dl>
${summary}
<h2>${escapeHtml(l.indicators)}</h2>
${indicators}
${pending}
<h2>${escapeHtml(l.actions)}</h2>
${actions}
<h2>${escapeHtml(l.byParty)}</h2>
${parties}
<h2>${escapeHtml(l.axes)}</h2>
${axes}
<h2>${escapeHtml(l.totals)}</h2>
${totals}
${missingRates}
</body>
</html>
`;
}

/**
 * The year's report, as `Evaluation.report` answers it (schema/evaluation-report.ts): frozen once
 * the evaluation is submitted, computed while it is a draft. A year the convention's terms do not
 * touch is answered 404, like a convention the viewer may not see. The year need not have an
 * evaluation opened yet: the figures then stand as they are, with no narrative.
 */
async function evaluationReport(request: SignedInRequest): Promise<DownloadResult> {
  const convention = await visibleConvention(request, request.params[0] ?? '');
  const yearText = request.params[1] ?? '';
  if (!convention || !/^\d{4}$/.test(yearText)) return 'NOT_FOUND';
  const year = Number(yearText);
  const context = createContext({
    db: request.db,
    viewer: request.viewer,
    remoteAddress: '',
    secureCookies: true,
  });
  const years = allowedYearsOfTerms(await termsOfConvention(context, convention.id));
  if (!years || year < years.first || year > years.last) return 'NOT_FOUND';

  const [evaluation, parties] = await Promise.all([
    findEvaluationOfPeriod(request.db, convention.id, { year, termNumber: null }),
    partiesOf(request.db, convention.id),
  ]);
  const report = evaluation
    ? await reportOfEvaluation(context, evaluation)
    : await computeReport(context, convention.id, { scope: 'ANNUAL', year }, []);
  // An annual evaluation's report is always annual; the type does not know it.
  if (report.scope !== 'ANNUAL') return 'NOT_FOUND';
  const lang = langOf(request.url);
  return {
    body: evaluationReportHtml({
      convention,
      partyNames: new Map([...parties.collectivities].map(([id, row]) => [id, row.name])),
      evaluation: evaluation ?? null,
      report,
      lang,
    }),
    contentType: 'text/html; charset=utf-8',
    fileName: `${slug(convention.title)}-evaluation-${year}.html`,
    // A page to read and print from the browser; saving it keeps this name.
    inline: true,
  };
}

export const evaluationReportRoute: DownloadRoute = {
  pattern: /^\/exports\/conventions\/([^/]+)\/evaluations\/([^/]+?)(?:\.html)?$/,
  signIn: true,
  handle: evaluationReport,
};
