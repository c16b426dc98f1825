import react from '@coop/eslint-config/react';

export default [...react, { ignores: ['eslint.config.js', 'src/graphql-env.d.ts'] }];
