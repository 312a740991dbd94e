import { Alert, Button } from 'antd';

interface ConflictAlertProps {
  testId: string;
  title: string;
  description: string;
  reloadLabel: string;
  reloading: boolean;
  onReload: () => void;
}

/** A save that met a newer version (HTTP 409): say so, and offer to load what the other person saved. */
export function ConflictAlert({ testId, title, description, reloadLabel, reloading, onReload }: ConflictAlertProps) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={title}
      description={description}
      action={
        <Button size="small" type="primary" loading={reloading} onClick={onReload}>
          {reloadLabel}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
