import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListParams } from '../../api/list';

/** antd pagination for a server-side list, with the translated total. */
export function usePagination(params: ListParams, total: number | undefined): TablePaginationConfig {
  const { t } = useTranslation();
  return {
    current: params.page,
    pageSize: params.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => t('common.total', { total: count }),
  };
}
