import { useFormatters } from '../../components/format/useFormatters';
import type { Campaign } from '../../api/campaigns';

/** A campaign's dates as one text: "2025-07-01 – 2025-07-31", an open end as "2025-07-01 –", none as "—". */
export function useCampaignPeriod() {
  const format = useFormatters();
  return ({ startsOn, endsOn }: Pick<Campaign, 'startsOn' | 'endsOn'>) => {
    if (!startsOn && !endsOn) return '—';
    return `${startsOn ? format.date(startsOn) : ''} – ${endsOn ? format.date(endsOn) : ''}`.trim();
  };
}
