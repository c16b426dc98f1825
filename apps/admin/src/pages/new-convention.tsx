import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { ErrorFields } from '../errors/error-fields.js';
import { clientIssues, outcomeOf } from '../errors/outcome.js';
import { useFormat } from '../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../forms.js';
import { graphql } from '../graphql.js';
import { useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { PartnerPicker, type PartnerChoice } from './convention/partner-picker.js';

const CreateConventionMutation = graphql(
  `
    mutation CreateConvention($input: CreateConventionInput!) {
      createConvention(input: $input) {
        __typename
        ... on CreateConventionSuccess {
          convention {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

interface Partner extends PartnerChoice {
  signatoryName: string;
  signatoryOffice: string;
}

/** A new convention, unsigned (DRAFT), between the viewer's collectivity and its partners. */
export default function NewConventionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const [, navigate] = useLocation();
  useDocumentTitle(t('conventionForm.newTitle'));
  const [values, setValues] = useState({
    title: '',
    object: '',
    preamble: '',
    durationYears: '5',
    reportingCurrency: viewer.collectivity.currency,
    signatoryName: '',
    signatoryOffice: '',
  });
  const [partners, setPartners] = useState<Partner[]>([]);
  const set = (field: keyof typeof values, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const fields = [
    'title',
    'partners',
    ...partners.flatMap((_, index) => [
      `partners.${index}.collectivityId`,
      `partners.${index}.signatoryName`,
      `partners.${index}.signatoryOffice`,
    ]),
    'signatoryName',
    'signatoryOffice',
    'durationYears',
    'reportingCurrency',
    'object',
    'preamble',
  ];
  const form = useFormFailure(fields);
  const [state, create] = useMutation(CreateConventionMutation);

  if (!canEdit(viewer)) {
    return (
      <main id="main" className="page">
        <h1>{t('conventionForm.newTitle')}</h1>
        <p>{t('errors.forbidden')}</p>
      </main>
    );
  }

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const durationYears = Number(values.durationYears);
    if (!Number.isInteger(durationYears)) {
      const local = clientIssues([
        { path: ['input', 'durationYears'], code: 'NOT_A_WHOLE_NUMBER', message: '' },
      ]);
      if (local) form.report(local);
      return;
    }
    const result = await create({
      input: {
        title: values.title,
        object: values.object,
        preamble: values.preamble,
        durationYears,
        reportingCurrency: values.reportingCurrency,
        signatoryName: values.signatoryName || null,
        signatoryOffice: values.signatoryOffice || null,
        partners: partners.map((partner) => ({
          collectivityId: partner.id,
          signatoryName: partner.signatoryName || null,
          signatoryOffice: partner.signatoryOffice || null,
        })),
      },
    });
    const outcome = outcomeOf(result.data?.createConvention, result.error);
    if (outcome.ok) {
      navigate(`/conventions/${encodeURIComponent(outcome.value.convention.id)}`);
    } else {
      form.report(outcome.failure);
    }
  }

  const setPartner = (index: number, field: 'signatoryName' | 'signatoryOffice', value: string) =>
    setPartners((current) =>
      current.map((partner, at) => (at === index ? { ...partner, [field]: value } : partner)),
    );

  return (
    <main id="main" className="page" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
      </nav>
      <h1>{t('conventionForm.newTitle')}</h1>
      <p>{t('conventionForm.newIntro')}</p>
      <form className="convention-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert form={form} />
        <Field form={form} name="title" label={t('conventionForm.title')}>
          {(control) => (
            <input
              {...control}
              value={values.title}
              onChange={(event) => set('title', event.target.value)}
              required
            />
          )}
        </Field>

        <fieldset>
          <legend>{t('conventionForm.ownParty', { name: viewer.collectivity.name })}</legend>
          <div className="field-row">
            <Field form={form} name="signatoryName" label={t('parties.signatoryName')}>
              {(control) => (
                <input
                  {...control}
                  value={values.signatoryName}
                  onChange={(event) => set('signatoryName', event.target.value)}
                />
              )}
            </Field>
            <Field form={form} name="signatoryOffice" label={t('parties.signatoryOffice')}>
              {(control) => (
                <input
                  {...control}
                  value={values.signatoryOffice}
                  onChange={(event) => set('signatoryOffice', event.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('conventionForm.partners')}</legend>
          {partners.length === 0 && <p className="empty">{t('conventionForm.noPartner')}</p>}
          <ul className="partners">
            {partners.map((partner, index) => (
              <li key={partner.id} className="card">
                <h3 id={form.idOf(`partners.${index}.collectivityId`)} tabIndex={-1}>
                  {partner.name} ({format.country(partner.countryCode)})
                </h3>
                {form.errorOf(`partners.${index}.collectivityId`) && (
                  <p className="field-error">{form.errorOf(`partners.${index}.collectivityId`)}</p>
                )}
                <div className="field-row">
                  <Field
                    form={form}
                    name={`partners.${index}.signatoryName`}
                    label={t('conventionForm.partnerSignatoryName', { name: partner.name })}
                  >
                    {(control) => (
                      <input
                        {...control}
                        value={partner.signatoryName}
                        onChange={(event) => setPartner(index, 'signatoryName', event.target.value)}
                      />
                    )}
                  </Field>
                  <Field
                    form={form}
                    name={`partners.${index}.signatoryOffice`}
                    label={t('conventionForm.partnerSignatoryOffice', { name: partner.name })}
                  >
                    {(control) => (
                      <input
                        {...control}
                        value={partner.signatoryOffice}
                        onChange={(event) =>
                          setPartner(index, 'signatoryOffice', event.target.value)
                        }
                      />
                    )}
                  </Field>
                </div>
                <button
                  type="button"
                  onClick={() => setPartners((current) => current.filter((_, at) => at !== index))}
                >
                  {t('conventionForm.removePartner', { name: partner.name })}
                </button>
              </li>
            ))}
          </ul>
          <PartnerPicker
            form={form}
            exclude={[viewer.collectivity.id, ...partners.map((partner) => partner.id)]}
            onPick={(partner) =>
              setPartners((current) => [
                ...current,
                { ...partner, signatoryName: '', signatoryOffice: '' },
              ])
            }
          />
        </fieldset>

        <div className="field-row">
          <Field
            form={form}
            name="durationYears"
            label={t('conventionForm.durationYears')}
            hint={t('conventionForm.durationYearsHint')}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={1}
                max={99}
                value={values.durationYears}
                onChange={(event) => set('durationYears', event.target.value)}
              />
            )}
          </Field>
          <Field
            form={form}
            name="reportingCurrency"
            label={t('conventionForm.reportingCurrency')}
            hint={t('conventionForm.reportingCurrencyHint')}
          >
            {(control) => (
              <input
                {...control}
                maxLength={3}
                autoCapitalize="characters"
                value={values.reportingCurrency}
                onChange={(event) => set('reportingCurrency', event.target.value.toUpperCase())}
              />
            )}
          </Field>
        </div>
        <Field form={form} name="object" label={t('convention.object')}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={values.object}
              onChange={(event) => set('object', event.target.value)}
            />
          )}
        </Field>
        <Field form={form} name="preamble" label={t('convention.preamble')}>
          {(control) => (
            <textarea
              {...control}
              rows={6}
              value={values.preamble}
              onChange={(event) => set('preamble', event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <SubmitButton busy={state.fetching} label={t('conventionForm.create')} />
          <Link href="/conventions">{t('common.cancel')}</Link>
        </div>
      </form>
    </main>
  );
}
