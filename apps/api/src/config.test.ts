import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

const PRIMARY = 'postgres://coop@db-primary/coop';
const REPLICA = 'postgres://coop@db-replica/coop';

describe('the server configuration', () => {
  it('reads every request from the primary unless a replica is named', () => {
    expect(readConfig({ DATABASE_URL: PRIMARY }).databaseReadUrl).toBeNull();
    expect(
      readConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: ' ' }).databaseReadUrl,
    ).toBeNull();
    expect(readConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: REPLICA })).toMatchObject({
      databaseUrl: PRIMARY,
      databaseReadUrl: REPLICA,
    });
  });

  it('refuses a replica without a PostgreSQL primary: the embedded database has none', () => {
    expect(() => readConfig({ DATABASE_READ_URL: REPLICA })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_READ_URL: REPLICA })).toThrow(/DATABASE_URL/);
  });

  it('refuses several server processes on the embedded database, and a nonsense count', () => {
    expect(readConfig({ DATABASE_URL: PRIMARY, COOP_WORKERS: '2' }).workers).toBe(2);
    expect(() => readConfig({ COOP_WORKERS: '2' })).toThrow(/needs PostgreSQL/);
    expect(() => readConfig({ DATABASE_URL: PRIMARY, COOP_WORKERS: 'two' })).toThrow(
      /COOP_WORKERS/,
    );
  });
});
