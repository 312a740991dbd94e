import type { Messages } from './zh-CN';

/** English: the signed-in user's own page (profile, password, API tokens). */
export const settingsEnUS: Messages['settings'] = {
  title: 'My account',
  profile: 'Profile',
  password: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    mismatch: 'The two passwords differ',
    tooShort: 'At least {{min}} characters',
    changed: 'Password changed',
    submit: 'Change password',
  },
  tokens: {
    title: 'API tokens',
    intro: 'Scripts and integrations use an API token: Authorization: Bearer <token>.',
    name: 'Name',
    namePlaceholder: 'e.g. nightly export script',
    prefix: 'Prefix',
    createdAt: 'Created',
    lastUsedAt: 'Last used',
    never: 'Never',
    create: 'Create token',
    revoke: 'Revoke',
    revokeConfirm: 'Scripts using this token will lose access. Revoke?',
    revoked: 'Token revoked',
    newTitle: 'New token created',
    newWarning: 'Copy it now and keep it safe: it is shown only this once.',
    empty: 'No API tokens yet',
  },
};
