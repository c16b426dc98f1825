import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { calendarFeedUrl } from '../../exports/export-paths.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { RevokeControl } from '../../revoke-control.js';
import { SecretOnce } from '../../secret-once.js';
import { Empty, Failure, Loading } from '../../status.js';
import { Disclosure } from '../convention/disclosure.js';

const CalendarFeedsQuery = graphql(`
  query CalendarFeeds {
    viewer {
      collectivity {
        id
        calendarFeeds {
          id
          name
          active
          createdAt
          revokedAt
        }
      }
    }
  }
`);

const CreateCalendarFeedMutation = graphql(
  `
    mutation CreateCalendarFeed($input: CreateCalendarFeedInput!) {
      createCalendarFeed(input: $input) {
        __typename
        ... on CreateCalendarFeedSuccess {
          created {
            path
            calendarFeed {
              id
              name
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RevokeCalendarFeedMutation = graphql(
  `
    mutation RevokeCalendarFeed($input: RevokeCalendarFeedInput!) {
      revokeCalendarFeed(input: $input) {
        __typename
        ... on RevokeCalendarFeedSuccess {
          calendarFeed {
            id
            active
            revokedAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type CalendarFeed = NonNullable<
  ResultOf<typeof CalendarFeedsQuery>['viewer']
>['collectivity']['calendarFeeds'][number];

/** The list may start empty: a new CalendarFeed must still refresh it. */
const FEED_CONTEXT = { additionalTypenames: ['CalendarFeed'] };

/**
 * The collectivity's deadlines as a calendar to subscribe to (docs/exports.md). The feed's
 * address is its only credential: shown once, right after its creation, as API tokens are;
 * Coop keeps only its hash. A feed that leaked is revoked here.
 */
export function CalendarFeedsSection() {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: CalendarFeedsQuery, context: FEED_CONTEXT });
  const [secret, setSecret] = useState<{ name: string; url: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const feeds = result.data?.viewer?.collectivity.calendarFeeds;
  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('calendar.title')}</h2>
      <p>{t('calendar.intro')}</p>
      {secret && (
        <SecretOnce
          id="feed-secret"
          title={t('calendar.secretTitle', { name: secret.name })}
          warning={t('calendar.secretWarning')}
          label={t('calendar.secretLabel')}
          value={secret.url}
          doneLabel={t('calendar.secretDone')}
          onDone={() => setSecret(null)}
        />
      )}
      {result.fetching && !feeds && <Loading />}
      {result.error && !feeds && (
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {feeds && feeds.length === 0 && <Empty>{t('calendar.empty')}</Empty>}
      {feeds && feeds.length > 0 && (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('calendar.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.name')}</th>
                <th scope="col">{t('calendar.created')}</th>
                <th scope="col">{t('calendar.state')}</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((feed) => (
                <FeedRow
                  key={feed.id}
                  feed={feed}
                  onRevoked={() => setSaved(t('calendar.revoked', { name: feed.name }))}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="saved" role="status">
        {saved}
      </p>
      <Disclosure label={t('calendar.create')}>
        {(close) => (
          <CreateFeedForm
            onCreated={(created) => {
              setSecret(created);
              setSaved(null);
              close();
            }}
          />
        )}
      </Disclosure>
    </section>
  );
}

function FeedRow({ feed, onRevoked }: { feed: CalendarFeed; onRevoked: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, revoke] = useMutation(RevokeCalendarFeedMutation);

  return (
    <tr className={feed.active ? undefined : 'inactive'}>
      <td>{feed.name}</td>
      <td>{format.dateTime(feed.createdAt)}</td>
      <td>
        <span>
          {feed.revokedAt
            ? t('calendar.stateRevoked', { date: format.dateTime(feed.revokedAt) })
            : t('calendar.stateActive')}
        </span>{' '}
        <RevokeControl
          active={feed.active}
          revokeLabel={t('calendar.revoke', { name: feed.name })}
          confirmLabel={t('calendar.confirmRevoke', { name: feed.name })}
          revoke={() =>
            revoke({ input: { id: feed.id } }).then((result) =>
              outcomeOf(result.data?.revokeCalendarFeed, result.error),
            )
          }
          onRevoked={onRevoked}
        />
      </td>
    </tr>
  );
}

function CreateFeedForm({
  onCreated,
}: {
  onCreated: (created: { name: string; url: string }) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const form = useFormFailure(['name']);
  const [state, create] = useMutation(CreateCalendarFeedMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const result = await create({ input: { name } });
    const outcome = outcomeOf(result.data?.createCalendarFeed, result.error);
    if (outcome.ok) {
      const { created } = outcome.value;
      onCreated({
        name: created.calendarFeed.name,
        url: calendarFeedUrl(created.path, window.location.origin),
      });
    } else {
      form.report(outcome.failure);
    }
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <Field form={form} name="name" label={t('calendar.name')} hint={t('calendar.nameHint')}>
        {(control) => (
          <input {...control} value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('calendar.submit')} />
    </form>
  );
}
