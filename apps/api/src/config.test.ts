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

  it('keeps 32 million characters of answers per process unless told, none with 0, and refuses nonsense', () => {
    expect(readConfig({}).answerCacheMb).toBe(32);
    expect(readConfig({ COOP_ANSWER_CACHE_MB: '0' }).answerCacheMb).toBe(0);
    expect(readConfig({ COOP_ANSWER_CACHE_MB: '256' }).answerCacheMb).toBe(256);
    expect(() => readConfig({ COOP_ANSWER_CACHE_MB: '-1' })).toThrow(/COOP_ANSWER_CACHE_MB/);
    expect(() => readConfig({ COOP_ANSWER_CACHE_MB: 'lots' })).toThrow(/COOP_ANSWER_CACHE_MB/);
  });
});
