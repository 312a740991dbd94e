import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AddMembersResult } from '../../api/campaigns';

type Count = keyof AddMembersResult;

// Left out and skipped are what the user must notice: they stand out when there are any.
const emphasis: Partial<Record<Count, string>> = { added: '#389e0d', exiting: '#d4380d', previouslyLeft: '#d48806' };

/** What an add did, count by count; re-admissions only when there were any (only a hand-picked add makes them). */
export function AddResultSummary({ result }: { result: AddMembersResult }) {
  const { t } = useTranslation();
  const shown: Count[] = ['matched', 'added', ...(result.readmitted ? (['readmitted'] as const) : []), 'alreadyThere', 'exiting', 'previouslyLeft'];
  return (
    <Card size="small" title={t('campaigns.audience.result.title')} style={{ marginTop: 16 }} data-testid="audience-result">
      <Flex gap={32} wrap>
        {shown.map((count) => (
          <Statistic
            key={count}
            title={t(`campaigns.audience.result.${count}`)}
            value={result[count]}
            styles={{ content: { fontSize: 22, color: result[count] > 0 ? emphasis[count] : undefined } }}
            data-testid={`audience-result-${count}`}
          />
        ))}
      </Flex>
    </Card>
  );
}
