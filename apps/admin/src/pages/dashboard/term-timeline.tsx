import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleTime } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useWidth } from '../../charts/use-width.js';
import { useFormat } from '../../format/use-format.js';
import type { ConventionDates } from './deadlines.js';

const ROW = 34;
const BAR = 18;
const AXIS = 30;

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The terms of the viewer's conventions on one time line (A7): one row per convention, one bar
 * per term, today's line across. Drawn in SVG with visx, so that it reads in both directions:
 * in Arabic time runs from right to left, as the rest of the layout does.
 */
export default function TermTimeline({
  conventions,
  today,
}: {
  conventions: readonly ConventionDates[];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [container, width] = useWidth<HTMLDivElement>();
  const rtl = i18n.dir() === 'rtl';
  const signed = conventions.filter((convention) => convention.terms.length > 0);
  if (signed.length === 0) return <p className="empty">{t('dashboard.timeline.empty')}</p>;

  const starts = signed.flatMap((convention) => convention.terms.map((term) => term.startDate));
  const ends = signed.flatMap((convention) => convention.terms.map((term) => term.endDate));
  const first = utc(starts.reduce((a, b) => (a < b ? a : b)));
  const last = utc(ends.reduce((a, b) => (a > b ? a : b)));
  const firstYear = first.getUTCFullYear();
  const lastYear = Math.max(last.getUTCFullYear() + 1, new Date(today).getUTCFullYear() + 1);
  const x = scaleTime({
    domain: [new Date(Date.UTC(firstYear, 0, 1)), new Date(Date.UTC(lastYear, 0, 1))],
    range: rtl ? [width, 0] : [0, width],
  });
  const y = scaleBand({
    domain: signed.map((convention) => convention.id),
    range: [0, signed.length * ROW],
    padding: 0.2,
  });
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / Math.max(2, width / 70)));
  const years: Date[] = [];
  for (let year = firstYear; year <= lastYear; year += step)
    years.push(new Date(Date.UTC(year, 0, 1)));
  const height = signed.length * ROW + AXIS;
  const todayX = x(utc(today));

  return (
    <div className="timeline">
      <ul className="timeline-titles" style={{ paddingBlockStart: 0 }}>
        {signed.map((convention) => (
          <li key={convention.id} style={{ blockSize: ROW }}>
            <Link href={`/conventions/${encodeURIComponent(convention.id)}`} dir="auto">
              {convention.title}
            </Link>
          </li>
        ))}
      </ul>
      <div ref={container} className="timeline-chart">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={t('dashboard.timeline.label', {
            count: signed.length,
            today: format.date(today),
          })}
        >
          {signed.map((convention) => {
            const row = y(convention.id) ?? 0;
            return (
              <Group key={convention.id} top={row + (y.bandwidth() - BAR) / 2}>
                {convention.terms.map((term) => {
                  const start = x(utc(term.startDate));
                  // The term ends at the end of its last day: the bar runs to the next day.
                  const end = x(new Date(utc(term.endDate).getTime() + 86_400_000));
                  const current = term.startDate <= today && today <= term.endDate;
                  const kind = current
                    ? convention.status === 'EXPIRING'
                      ? 'expiring'
                      : 'current'
                    : term.endDate < today
                      ? 'past'
                      : 'future';
                  return (
                    <Bar
                      key={term.number}
                      className={`term term-${kind}`}
                      x={Math.min(start, end)}
                      width={Math.max(2, Math.abs(end - start) - 2)}
                      height={BAR}
                      rx={4}
                    >
                      <title>
                        {t('convention.termLine', {
                          number: term.number,
                          start: format.date(term.startDate),
                          end: format.date(term.endDate),
                        })}
                      </title>
                    </Bar>
                  );
                })}
              </Group>
            );
          })}
          <Line
            className="today-line"
            from={{ x: todayX, y: 0 }}
            to={{ x: todayX, y: signed.length * ROW }}
            strokeWidth={2}
          />
          <AxisBottom
            top={signed.length * ROW}
            scale={x}
            tickValues={years}
            tickFormat={(value) =>
              new Intl.DateTimeFormat(format.locale, { year: 'numeric', timeZone: 'UTC' }).format(
                value instanceof Date ? value : new Date(value.valueOf()),
              )
            }
            stroke="#5a6472"
            tickStroke="#5a6472"
            tickLabelProps={{ fill: '#1d2430', fontSize: 12, fontFamily: 'inherit' }}
          />
        </svg>
        <ul className="timeline-legend">
          <li>
            <span className="swatch term-past" /> {t('dashboard.timeline.past')}
          </li>
          <li>
            <span className="swatch term-current" /> {t('dashboard.timeline.current')}
          </li>
          <li>
            <span className="swatch term-expiring" /> {t('dashboard.timeline.expiring')}
          </li>
          <li>
            <span className="swatch term-future" /> {t('dashboard.timeline.future')}
          </li>
          <li>
            <span className="swatch today" /> {t('dashboard.timeline.today')}
          </li>
        </ul>
      </div>
    </div>
  );
}
