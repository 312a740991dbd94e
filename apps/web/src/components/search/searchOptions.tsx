import type { TFunction } from 'i18next';
import { Flex, Typography } from 'antd';
import type { SearchResults } from '../../api/search';

function Hit({ primary, secondary }: { primary: string; secondary?: string | null }) {
  return (
    <Flex justify="space-between" gap={12} className="search-hit">
      <Typography.Text ellipsis>{primary}</Typography.Text>
      {secondary ? (
        <Typography.Text type="secondary" ellipsis className="search-hit-secondary">
          {secondary}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** AutoComplete option groups for the search results; values are `<group>:<id>`. */
export function searchOptions(results: SearchResults, t: TFunction) {
  const groups = [
    {
      label: t('header.searchGroups.accounts'),
      options: (results.accounts ?? []).map((a) => ({
        value: `account:${a.id}`,
        label: <Hit primary={a.name} secondary={a.externalId ?? a.email} />,
      })),
    },
    {
      label: t('header.searchGroups.contacts'),
      options: (results.contacts ?? []).map((c) => ({
        value: `contact:${c.id}`,
        label: <Hit primary={c.name} secondary={c.accountName ?? c.email} />,
      })),
    },
    {
      label: t('header.searchGroups.products'),
      options: (results.products ?? []).map((p) => ({
        value: `product:${p.id}`,
        label: <Hit primary={p.name} secondary={p.sku} />,
      })),
    },
  ];
  return groups.filter((group) => group.options.length > 0);
}

/** Where a chosen result leads: the account page, the contact's account, or the product in the catalogue. */
export function targetOf(value: string, results: SearchResults | undefined): string | null {
  const [group, rawId] = value.split(':');
  const id = Number(rawId);
  if (group === 'account') return `/accounts/${id}`;
  if (group === 'contact') {
    const contact = results?.contacts.find((c) => c.id === id);
    return contact ? `/accounts/${contact.accountId}` : `/contacts`;
  }
  if (group === 'product') {
    const product = results?.products.find((p) => p.id === id);
    return product ? `/products?q=${encodeURIComponent(product.sku)}` : '/products';
  }
  return null;
}

export const isOptionValue = (value: string) => /^(account|contact|product):\d+$/.test(value);
