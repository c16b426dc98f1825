import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import { useWidth } from '../../charts/use-width.js';

const ROW = 34;
const BAR = 16;

export interface BarRow {
  readonly id: string;
  readonly label: string;
  /** The whole: planned, or the target. */
  readonly whole: number;
  /** The part done: executed, or the value reached. */
  readonly part: number;
  /** What the bars say, written exactly (amounts from decimal strings). */
  readonly text: string;
  readonly className?: string;
}

/**
 * Horizontal bars, one row per party, axis or indicator: the whole as a light bar, the part done
 * as a dark bar over it. The numbers only size the bars; the text beside them is exact. Labels
 * and values are HTML (they wrap, translate and mirror); in Arabic the bars grow leftwards.
 */
export function HorizontalBars({
  rows,
  label,
  wholeLegend,
  partLegend,
}: {
  rows: readonly BarRow[];
  label: string;
  wholeLegend: string;
  partLegend: string;
}) {
  const { i18n } = useTranslation();
  const [container, width] = useWidth<HTMLDivElement>();
  const rtl = i18n.dir() === 'rtl';
  const top = Math.max(1, ...rows.flatMap((row) => [row.whole, row.part]));
  const x = scaleLinear({ domain: [0, top], range: rtl ? [width, 0] : [0, width] });
  const y = scaleBand({ domain: rows.map((row) => row.id), range: [0, rows.length * ROW] });
  const from = x(0);
  const span = (value: number) => Math.abs(x(Math.max(0, value)) - from);
  const start = (value: number) => (rtl ? from - span(value) : from);
  return (
    <figure className="bars">
      <figcaption className="visually-hidden">{label}</figcaption>
      <div className="bars-grid">
        <ul className="bars-labels" aria-hidden="true">
          {rows.map((row) => (
            <li key={row.id} style={{ blockSize: ROW }}>
              {row.label}
            </li>
          ))}
        </ul>
        <div ref={container} className="bars-chart">
          <svg width={width} height={rows.length * ROW} role="img" aria-label={label}>
            {rows.map((row) => (
              <Group key={row.id} top={(y(row.id) ?? 0) + (ROW - BAR) / 2}>
                <Bar
                  className="bar-whole"
                  x={start(row.whole)}
                  width={span(row.whole)}
                  height={BAR}
                  rx={3}
                >
                  <title>{`${row.label} — ${row.text}`}</title>
                </Bar>
                <Bar
                  className={`bar-part ${row.className ?? ''}`}
                  x={start(Math.min(row.part, top))}
                  y={BAR / 4}
                  width={span(Math.min(row.part, top))}
                  height={BAR / 2}
                  rx={2}
                />
              </Group>
            ))}
          </svg>
        </div>
        <ul className="bars-values">
          {rows.map((row) => (
            <li key={row.id} style={{ blockSize: ROW }}>
              <span className="visually-hidden">{row.label} : </span>
              {row.text}
            </li>
          ))}
        </ul>
      </div>
      <ul className="timeline-legend" aria-hidden="true">
        <li>
          <span className="swatch bar-whole" /> {wholeLegend}
        </li>
        <li>
          <span className="swatch bar-part" /> {partLegend}
        </li>
      </ul>
    </figure>
  );
}
