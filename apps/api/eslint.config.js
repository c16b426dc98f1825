import base from '@coop/eslint-config/base';

export default [...base, { ignores: ['eslint.config.js'] }];
