import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';

interface Issue {
  path: string;
  message: string;
}

const isIssueList = (details: unknown): details is Issue[] =>
  Array.isArray(details) && details.every((d) => d && typeof d === 'object' && 'path' in d && 'message' in d);

/** A refused request, with each `details` entry (e.g. `mapping.date: required`) under the field it concerns. */
export function ServerIssues({ error, fieldLabel }: { error: Error; fieldLabel: (name: string) => string }) {
  const { t } = useTranslation();
  const issues = isApiError(error) && isIssueList(error.details) ? error.details : [];
  const where = (path: string) => {
    const [group, name] = path.split('.');
    return group === 'mapping' && name ? fieldLabel(name) : path;
  };
  return (
    <Alert
      type="error"
      showIcon
      title={isApiError(error, 0) ? t('errors.network') : error.message}
      description={
        issues.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                {where(issue.path)}: {issue.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
