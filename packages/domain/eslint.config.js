import base from '@coop/eslint-config/base';

export default [...base, { ignores: ['vitest.config.ts', 'eslint.config.js'] }];
