import { useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSearch } from '../../api/search';
import { useDebouncedValue } from '../useDebouncedValue';
import { isOptionValue, searchOptions, targetOf } from './searchOptions';

/**
 * The header search: accounts, contacts and products matching the text, grouped, 5 each (GET /api/search).
 * Enter opens the highlighted result (the first one unless the arrows moved), a click opens the one clicked.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 200);
  const search = useSearch(q);
  const results = q.trim() ? search.data : undefined;
  const options = results ? searchOptions(results, t) : [];

  const open = (value: string) => {
    const target = targetOf(value, results);
    if (!target) return;
    setText('');
    navigate(target);
  };

  return (
    <AutoComplete
      className="global-search"
      value={text}
      // Selecting puts the option's value in the box; the box should rather clear.
      onChange={(value: string) => setText(isOptionValue(value) ? '' : value)}
      onSelect={open}
      options={options}
      showSearch={{ filterOption: false }}
      defaultActiveFirstOption
      popupMatchSelectWidth={440}
      notFoundContent={q.trim() && search.isSuccess ? t('header.searchNoResults') : null}
    >
      <Input
        data-testid="global-search"
        prefix={<SearchOutlined />}
        placeholder={t('header.searchPlaceholder')}
        allowClear
        aria-label={t('common.search')}
      />
    </AutoComplete>
  );
}
