import { AxisBottom, AxisLeft, AxisRight } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.js';
import type { ProgressChart as Chart } from '../../indicators/progress-chart.js';
import { useWidth } from '../../charts/use-width.js';

const HEIGHT = 220;
const MARGIN = { top: 12, bottom: 28, side: 44 };

/**
 * An indicator's target and actual value per year (A6), bars side by side, the baseline across.
 * SVG drawn by visx: each bar says its value in its <title>, and the table below says it all.
 * In Arabic the years run from right to left, as the rest of the layout does.
 */
export default function ProgressChart({
  chart,
  unit,
  name,
}: {
  chart: Chart;
  unit: string;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [container, width] = useWidth<HTMLDivElement>();
  const rtl = i18n.dir() === 'rtl';
  const inner = width - 2 * MARGIN.side;
  const x = scaleBand({
    domain: chart.years.map((year) => year.year),
    range: rtl ? [inner, 0] : [0, inner],
    padding: 0.25,
  });
  const series = scaleBand({
    domain: ['target', 'actual'],
    range: rtl ? [x.bandwidth(), 0] : [0, x.bandwidth()],
    padding: 0.1,
  });
  const plot = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = scaleLinear({ domain: [0, chart.top * 1.1], range: [plot, 0], nice: true });
  const Axis = rtl ? AxisRight : AxisLeft;

  return (
    <div ref={container} className="chart progress-chart">
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={t('indicators.chartLabel', { name, count: chart.years.length })}
      >
        <Group left={MARGIN.side} top={MARGIN.top}>
          {chart.years.map((year) => {
            const left = x(year.year) ?? 0;
            return (
              <Group key={year.year} left={left}>
                {year.targetLength !== null && (
                  <Bar
                    className="bar-target"
                    x={series('target') ?? 0}
                    y={y(year.targetLength)}
                    width={series.bandwidth()}
                    height={plot - y(year.targetLength)}
                  >
                    <title>
                      {t('indicators.barTarget', {
                        year: year.year,
                        value: format.decimal(year.target ?? '0'),
                        unit,
                      })}
                    </title>
                  </Bar>
                )}
                {year.actualLength !== null && (
                  <Bar
                    className={`bar-actual progress-${year.status.toLowerCase()}`}
                    x={series('actual') ?? 0}
                    y={y(year.actualLength)}
                    width={series.bandwidth()}
                    height={plot - y(year.actualLength)}
                  >
                    <title>
                      {t('indicators.barActual', {
                        year: year.year,
                        value: format.decimal(year.actual ?? '0'),
                        unit,
                        status: t(`indicators.statuses.${year.status}`),
                      })}
                    </title>
                  </Bar>
                )}
              </Group>
            );
          })}
          <Line
            className="baseline-line"
            from={{ x: 0, y: y(chart.baseline) }}
            to={{ x: inner, y: y(chart.baseline) }}
            strokeDasharray="4 3"
          />
          <AxisBottom
            top={plot}
            scale={x}
            stroke="#5a6472"
            tickStroke="#5a6472"
            tickLabelProps={{
              fill: '#1d2430',
              fontSize: 12,
              fontFamily: 'inherit',
              textAnchor: 'middle',
            }}
          />
          <Axis
            left={rtl ? inner : 0}
            scale={y}
            numTicks={4}
            tickFormat={(value) => format.number(Number(value))}
            stroke="#5a6472"
            tickStroke="#5a6472"
            tickLabelProps={{ fill: '#1d2430', fontSize: 12, fontFamily: 'inherit' }}
          />
        </Group>
      </svg>
      <ul className="timeline-legend">
        <li>
          <span className="swatch bar-target" /> {t('indicators.target')}
        </li>
        <li>
          <span className="swatch bar-actual" /> {t('indicators.actual')}
        </li>
        <li>
          <span className="swatch baseline" />{' '}
          {t('indicators.baselineLegend', { value: format.number(chart.baseline) })}
        </li>
      </ul>
    </div>
  );
}
