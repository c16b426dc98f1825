import type { ViteUserConfig } from 'vitest/config';

export declare function coopTestConfig(
  name: string,
  test?: NonNullable<ViteUserConfig['test']>,
): NonNullable<ViteUserConfig['test']>;
