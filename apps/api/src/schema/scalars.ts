import { parseIsoDate, type IsoDate } from '@coop/domain';
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

function parseDate(value: unknown): IsoDate {
  const parsed = typeof value === 'string' ? parseIsoDate(value) : null;
  if (!parsed?.ok) {
    throw new GraphQLError(
      parsed ? parsed.error.message : 'A Date is a string of the form YYYY-MM-DD',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return parsed.value;
}

builder.scalarType('Date', {
  description: 'A calendar date without time zone, ISO 8601: "2016-03-21".',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with offset: "2026-11-27T09:30:00.000Z".',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      throw new GraphQLError('A DateTime is an ISO 8601 string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return date;
  },
});

builder.scalarType('JSON', {
  description: 'A JSON value: an object as it was before or after a change (amounts as strings).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
