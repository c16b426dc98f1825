import { builder } from '../builder.js';

export const RoleEnum = builder.enumType('Role', {
  values: {
    VIEWER: { description: 'Reads.' },
    EDITOR: { description: 'Edits what belongs to the conventions of its collectivity.' },
    ADMIN: { description: 'Also manages its collectivity’s accounts and API tokens.' },
    PLATFORM_ADMIN: {
      description: 'The body running the platform: manages collectivities and accounts.',
    },
  },
});
