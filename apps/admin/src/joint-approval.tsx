import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from './errors/error-fields.js';
import { outcomeOf } from './errors/outcome.js';
import { useFormat } from './format/use-format.js';
import { FormAlert, useFormFailure } from './forms.js';
import { graphql } from './graphql.js';

/** What every screen asks of a joint approval ("d'un commun accord"). */
export const JointApprovalFields = graphql(`
  fragment JointApprovalFields on JointApproval @_unmask {
    state
    version
    parties {
      approved
      approvedAt
      collectivity {
        id
        name
      }
    }
  }
`);

const ApproveMutation = graphql(
  `
    mutation Approve($input: ApproveInput!) {
      approve(input: $input) {
        __typename
        ... on ApproveSuccess {
          approved {
            subject {
              __typename
              id
            }
            approval {
              state
              version
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export interface JointApproval {
  readonly state: 'AGREED' | 'PENDING';
  readonly version: number;
  readonly parties: readonly {
    readonly approved: boolean;
    readonly approvedAt: string | null;
    readonly collectivity: { readonly id: string; readonly name: string };
  }[];
}

/**
 * The parties' joint approval of one version of a budget, an indicator or an evaluation: who
 * approved it, who is awaited, and the button for the viewer's own party only (a party approves
 * only in its own name). `blockers` say why it cannot be approved yet; the button is then
 * disabled and says so. The server decides again.
 */
export function ApprovalPanel({
  subjectId,
  approval,
  ownCollectivityId,
  editable,
  blockers,
  onReload,
  headingLevel = 3,
}: {
  subjectId: string;
  approval: JointApproval;
  ownCollectivityId: string;
  editable: boolean;
  blockers: readonly string[];
  onReload: () => Promise<unknown>;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const form = useFormFailure([]);
  const [state, approve] = useMutation(ApproveMutation);
  const own = approval.parties.find((party) => party.collectivity.id === ownCollectivityId);
  const waiting = approval.parties.filter((party) => !party.approved);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function submit() {
    form.clear();
    const result = await approve({
      input: { subjectId, version: approval.version, partyId: ownCollectivityId },
    });
    const outcome = outcomeOf(result.data?.approve, result.error);
    if (!outcome.ok) form.report(outcome.failure);
  }

  return (
    <section className="approval" aria-labelledby={`${id}-heading`} data-state={approval.state}>
      <Heading id={`${id}-heading`}>{t('approval.title')}</Heading>
      <p className={approval.state === 'AGREED' ? 'ok' : 'flag'} role="status">
        {approval.state === 'AGREED'
          ? t('approval.agreed', { version: approval.version })
          : t('approval.pending', {
              version: approval.version,
              parties: format.list(waiting.map((party) => party.collectivity.name)),
            })}
      </p>
      <ul className="approval-parties">
        {approval.parties.map((party) => (
          <li key={party.collectivity.id} data-approved={party.approved}>
            <span className="approval-party">{party.collectivity.name}</span>{' '}
            {party.approved
              ? party.approvedAt
                ? t('approval.approvedOn', { date: format.dateTime(party.approvedAt) })
                : t('approval.approved')
              : t('approval.notYet')}
          </li>
        ))}
      </ul>
      <FormAlert form={form} onReload={onReload} />
      {editable && own && !own.approved && (
        <div className="approve">
          <button
            type="button"
            className="primary"
            disabled={blockers.length > 0 || state.fetching}
            aria-describedby={blockers.length > 0 ? `${id}-blockers` : undefined}
            onClick={() => void submit()}
          >
            {t('approval.approve', { party: own.collectivity.name, version: approval.version })}
          </button>
          {blockers.length > 0 && (
            <div id={`${id}-blockers`} className="blockers-note">
              <p>{t('approval.blocked')}</p>
              <ul className="blockers">
                {blockers.map((blocker) => (
                  <li key={blocker}>{blocker}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
