import type { RecordMeta } from './list';
import { resourceHooks } from './resource';

export const preferredChannels = ['email', 'phone', 'sms', 'wechat', 'visit'] as const;
export type PreferredChannel = (typeof preferredChannels)[number];

export interface Contact extends RecordMeta {
  accountId: number;
  /** Not documented in docs/api.md; shown when the server sends it. */
  accountName?: string | null;
  name: string;
  title: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  wechat: string | null;
  preferredChannel: PreferredChannel | null;
  isPrimary: boolean;
  notes: string | null;
}

export type ContactInput = Partial<
  Pick<Contact, 'title' | 'role' | 'email' | 'phone' | 'mobile' | 'wechat' | 'preferredChannel' | 'isPrimary' | 'notes'>
> & { accountId: number; name: string };

export const contactsApi = resourceHooks<Contact, ContactInput, Partial<ContactInput>>('contacts', '/contacts', {
  related: ['accounts', 'dashboard', 'search', 'audit'],
});

export const {
  useList: useContacts,
  useOne: useContact,
  useCreate: useCreateContact,
  useUpdate: useUpdateContact,
  useRemove: useRemoveContact,
  useRestore: useRestoreContact,
} = contactsApi;
