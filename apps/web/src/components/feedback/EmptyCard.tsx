import type { ReactNode } from 'react';
import { Card, Empty, Flex, Typography } from 'antd';

interface Props {
  testId: string;
  /** What is missing, in a few words. */
  title: ReactNode;
  /** Why, and where it will come from (EmptyHint paragraphs). */
  description?: ReactNode;
  /** The actions under it (run, import, a link). */
  children?: ReactNode;
}

/** Nothing to show yet: what is missing, why, and what can be done about it. `simple`: the small picture. */
export function EmptyState({ testId, title, description, children, simple = false }: Omit<Props, 'testId'> & { testId?: string; simple?: boolean }) {
  return (
    <Empty
      data-testid={testId}
      image={simple ? Empty.PRESENTED_IMAGE_SIMPLE : undefined}
      description={
        <Flex vertical gap={4} align="center">
          <Typography.Text strong>{title}</Typography.Text>
          {description}
        </Flex>
      }
    >
      {children}
    </Empty>
  );
}

/** A page or panel with nothing to show yet, in a card. */
export function EmptyCard({ testId, ...state }: Props) {
  return (
    <Card data-testid={testId}>
      <EmptyState simple {...state} />
    </Card>
  );
}

/** A paragraph of an empty state's description. */
export function EmptyHint({ children, maxWidth = 640 }: { children: ReactNode; maxWidth?: number }) {
  return (
    <Typography.Text type="secondary" style={{ maxWidth }}>
      {children}
    </Typography.Text>
  );
}
