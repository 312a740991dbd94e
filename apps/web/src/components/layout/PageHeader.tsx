import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** The title row of a page with its actions on the right. */
export function PageHeader({ title, extra, testId }: { title: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <Flex className="page-header" justify="space-between" align="center" gap={16} wrap={false}>
      <Typography.Title level={3} className="page-title" ellipsis={{ tooltip: true }} data-testid={testId}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex gap={8} wrap={false} style={{ flexShrink: 0 }}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** A quiet note among a page header's actions: the date of the snapshot the page shows. */
export function PageHeaderNote({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <Flex align="center" className="snapshot-info">
      <Typography.Text type="secondary" data-testid={testId}>
        {children}
      </Typography.Text>
    </Flex>
  );
}
