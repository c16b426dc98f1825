import pg from 'pg';

export const TEMPLATE_SUFFIX = '_coop_template';

/**
 * A client on the server's maintenance database, for creating and dropping test databases (the
 * TEST_DATABASE_URL role needs CREATEDB).
 */
export async function withAdminClient<T>(
  url: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
