import { validateMeasurement, type ComputedIndicatorKind } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { normaliseDecimal } from '../../format/money-input.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Empty } from '../../status.js';
import { Disclosure } from '../convention/disclosure.js';
import { allowedYearsOfTerms, yearsBetween, type Indicator } from './indicator-query.js';

const SetIndicatorTargetMutation = graphql(
  `
    mutation SetIndicatorTarget($input: SetIndicatorTargetInput!) {
      setIndicatorTarget(input: $input) {
        __typename
        ... on SetIndicatorTargetSuccess {
          indicator {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RecordMeasurementMutation = graphql(
  `
    mutation RecordMeasurement($input: RecordMeasurementInput!) {
      recordMeasurement(input: $input) {
        __typename
        ... on RecordMeasurementSuccess {
          indicator {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RemoveMeasurementMutation = graphql(
  `
    mutation RemoveMeasurement($input: RemoveMeasurementInput!) {
      removeMeasurement(input: $input) {
        __typename
        ... on RemoveMeasurementSuccess {
          indicator {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * The domain's word on a typed value for a year, before the server is asked: a decimal, for a
 * year of the convention's terms, not for an indicator the data computes.
 */
function useValueHint(
  computed: ComputedIndicatorKind | null,
  allowed: ReturnType<typeof allowedYearsOfTerms>,
) {
  const { t } = useTranslation();
  return (year: string, value: string): string | undefined => {
    if (!allowed || value.trim() === '' || year === '') return undefined;
    const checked = validateMeasurement(
      { computed },
      Number(year),
      normaliseDecimal(value),
      allowed,
    );
    return checked.ok ? undefined : t(`errors.codes.${checked.error.code}`);
  };
}

/** A6: the yearly targets, part of the joint definition (setting one makes a new version). */
export function TargetsSection({
  indicator,
  editable,
  onReload,
}: {
  indicator: Indicator;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [saved, setSaved] = useState<string | null>(null);
  const targets = [...indicator.targets].sort((a, b) => a.year - b.year);
  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('indicators.targets')}</h2>
      {targets.length === 0 ? (
        <Empty>{t('indicators.noTargets')}</Empty>
      ) : (
        <table className="list compact">
          <caption className="visually-hidden">{t('indicators.targets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.year')}</th>
              <th scope="col" className="number">
                {t('indicators.target')}
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((target) => (
              <tr key={target.year}>
                <th scope="row">{target.year}</th>
                <td className="number">
                  {format.decimal(target.value)} {indicator.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="saved" role="status">
        {saved}
      </p>
      {editable && (
        <Disclosure label={t('indicators.setTarget')}>
          {(close) => (
            <TargetForm
              indicator={indicator}
              onReload={onReload}
              onDone={(message) => {
                setSaved(message);
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function TargetForm({
  indicator,
  onReload,
  onDone,
}: {
  indicator: Indicator;
  onReload: () => Promise<unknown>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const allowed = allowedYearsOfTerms(indicator.convention.terms);
  const years = yearsBetween(allowed);
  const [year, setYear] = useState(
    String(
      years.find((item) => !indicator.targets.some((target) => target.year === item)) ??
        years[0] ??
        '',
    ),
  );
  const [value, setValue] = useState('');
  const hint = useValueHint(null, allowed);
  const form = useFormFailure(['year', 'value']);
  const [state, setTarget] = useMutation(SetIndicatorTargetMutation);
  const current = indicator.targets.find((target) => String(target.year) === year);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const typed = normaliseDecimal(value);
    const result = await setTarget({
      input: {
        indicatorId: indicator.id,
        version: indicator.version,
        year: Number(year),
        // Empty: the year's target is removed.
        value: typed === '' ? null : typed,
      },
    });
    const outcome = outcomeOf(result.data?.setIndicatorTarget, result.error);
    if (outcome.ok)
      onDone(
        typed === ''
          ? t('indicators.targetRemoved', { year })
          : t('indicators.targetSaved', { year }),
      );
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="hint">{t('indicators.editWarning')}</p>
      <FormAlert form={form} onReload={onReload} />
      <div className="field-row">
        <Field form={form} name="year" label={t('indicators.year')}>
          {(control) => (
            <select {...control} value={year} onChange={(event) => setYear(event.target.value)}>
              {years.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={form}
          name="value"
          label={t('indicators.targetValue', { unit: indicator.unit })}
          hint={
            hint(year, value) ??
            (current
              ? t('indicators.currentTarget', { value: current.value })
              : t('indicators.emptyRemoves'))
          }
        >
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        </Field>
      </div>
      <SubmitButton busy={state.fetching} label={t('indicators.saveTarget')} />
    </form>
  );
}

/**
 * A6: each party measures in its own name; the others' values are shown, not editable. An
 * indicator computed from the data is not measured by hand.
 */
export function MeasurementsSection({
  indicator,
  editable,
  ownCollectivityId,
  onReload,
}: {
  indicator: Indicator;
  editable: boolean;
  ownCollectivityId: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [saved, setSaved] = useState<string | null>(null);
  const removal = useFormFailure([]);
  const [removing, removeMeasurement] = useMutation(RemoveMeasurementMutation);
  const measurements = [...indicator.measurements].sort(
    (a, b) => a.year - b.year || a.collectivity.name.localeCompare(b.collectivity.name),
  );

  async function remove(id: string, version: number, year: number) {
    removal.clear();
    const result = await removeMeasurement({ input: { id, version } });
    const outcome = outcomeOf(result.data?.removeMeasurement, result.error);
    if (outcome.ok) setSaved(t('indicators.measurementRemoved', { year }));
    else removal.report(outcome.failure);
  }

  if (indicator.computedKind) {
    return (
      <section aria-labelledby="measurements-heading">
        <h2 id="measurements-heading">{t('indicators.measurements')}</h2>
        <p>
          {t('indicators.computedNote', {
            kind: t(`indicators.computedKinds.${indicator.computedKind}`),
          })}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="measurements-heading">
      <h2 id="measurements-heading">{t('indicators.measurements')}</h2>
      {measurements.length === 0 ? (
        <Empty>{t('indicators.noMeasurements')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('indicators.measurements')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.year')}</th>
                <th scope="col">{t('indicators.party')}</th>
                <th scope="col" className="number">
                  {t('indicators.value')}
                </th>
                <th scope="col">{t('indicators.note')}</th>
                <th scope="col">{t('indicators.recordedAt')}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {measurements.map((measurement) => (
                <tr key={measurement.id}>
                  <th scope="row">{measurement.year}</th>
                  <td>{measurement.collectivity.name}</td>
                  <td className="number">
                    {format.decimal(measurement.value)} {indicator.unit}
                  </td>
                  <td>{measurement.note || '—'}</td>
                  <td>{format.dateTime(measurement.recordedAt)}</td>
                  {editable && (
                    <td>
                      {measurement.collectivity.id === ownCollectivityId ? (
                        <button
                          type="button"
                          className="link danger"
                          disabled={removing.fetching}
                          onClick={() =>
                            void remove(measurement.id, measurement.version, measurement.year)
                          }
                        >
                          {t('indicators.removeMeasurement', { year: measurement.year })}
                        </button>
                      ) : (
                        <span className="muted">
                          {t('indicators.theirs', { party: measurement.collectivity.name })}
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormAlert form={removal} onReload={onReload} />
      <p className="saved" role="status">
        {saved}
      </p>
      {editable && (
        <Disclosure label={t('indicators.recordMeasurement')}>
          {(close) => (
            <MeasurementForm
              indicator={indicator}
              ownCollectivityId={ownCollectivityId}
              onReload={onReload}
              onDone={(year) => {
                setSaved(t('indicators.measurementSaved', { year }));
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function MeasurementForm({
  indicator,
  ownCollectivityId,
  onReload,
  onDone,
}: {
  indicator: Indicator;
  ownCollectivityId: string;
  onReload: () => Promise<unknown>;
  onDone: (year: string) => void;
}) {
  const { t } = useTranslation();
  const allowed = allowedYearsOfTerms(indicator.convention.terms);
  const years = yearsBetween(allowed);
  const latestTarget = [...indicator.targets].sort((a, b) => b.year - a.year)[0];
  const [year, setYear] = useState(String(latestTarget?.year ?? years.at(-1) ?? ''));
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const hint = useValueHint(indicator.computedKind, allowed);
  const form = useFormFailure(['year', 'value', 'note']);
  const [state, record] = useMutation(RecordMeasurementMutation);
  // A party's second value for a year replaces its first: send the version it replaces.
  const own = indicator.measurements.find(
    (measurement) =>
      measurement.collectivity.id === ownCollectivityId && String(measurement.year) === year,
  );

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const result = await record({
      input: {
        indicatorId: indicator.id,
        partyId: ownCollectivityId,
        year: Number(year),
        value: normaliseDecimal(value),
        note,
        version: own?.version ?? null,
      },
    });
    const outcome = outcomeOf(result.data?.recordMeasurement, result.error);
    if (outcome.ok) onDone(year);
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={onReload} />
      <div className="field-row">
        <Field form={form} name="year" label={t('indicators.year')}>
          {(control) => (
            <select {...control} value={year} onChange={(event) => setYear(event.target.value)}>
              {years.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={form}
          name="value"
          label={t('indicators.measuredValue', { unit: indicator.unit })}
          hint={
            hint(year, value) ?? (own ? t('indicators.replaces', { value: own.value }) : undefined)
          }
        >
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field form={form} name="note" label={t('indicators.note')}>
        {(control) => (
          <input {...control} value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('indicators.saveMeasurement')} />
    </form>
  );
}
