import { useCallback } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { hasRole } from '../../api/segments';
import {
  relationshipEditorRoles,
  relationshipViewerRoles,
  type ExitStage,
  type FactorUnit,
  type RelationshipClass,
} from '../../api/relationship';
import { useFormatters } from '../../components/format/useFormatters';
import './relationship.css';

/** One colour per class, the same on every chart and tag. */
export const classColors: Record<RelationshipClass, string> = {
  good: '#52c41a',
  medium: '#faad14',
  bad: '#f5222d',
};
const classTagColors: Record<RelationshipClass, string> = { good: 'success', medium: 'warning', bad: 'error' };

export function ClassTag({ value, long, testId }: { value: RelationshipClass; long?: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={classTagColors[value]} className="relationship-class-tag" data-testid={testId} data-class={value}>
      {long ? t(`relationship.classLong.${value}`) : t(`relationship.classes.${value}`)}
    </Tag>
  );
}

const stageColors: Record<ExitStage, string> = {
  candidate: 'default',
  review: 'processing',
  approved: 'orange',
  transition: 'gold',
  exited: 'red',
  retrospective: 'purple',
  won_back: 'success',
  dismissed: 'cyan',
};

export function StageTag({ stage, testId }: { stage: ExitStage; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={stageColors[stage]} data-testid={testId} data-stage={stage} style={{ marginInlineEnd: 0 }}>
      {t(`relationship.stages.${stage}`)}
    </Tag>
  );
}

/** A factor's raw value in its unit (money, count, share or ratio). */
export function useFactorFormat() {
  const format = useFormatters();
  return useCallback(
    (value: number | null | undefined, unit: FactorUnit) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return '—';
      switch (unit) {
        case 'currency':
          return format.money(value);
        case 'count':
          return format.number(Math.round(value * 100) / 100);
        default:
          return format.percent(value);
      }
    },
    [format],
  );
}

/** A short axis label for a factor's value (compact money and counts). */
export function useFactorAxisFormat() {
  const format = useFormatters();
  return useCallback(
    (value: number, unit: FactorUnit) => {
      if (!Number.isFinite(value)) return '';
      if (unit === 'share' || unit === 'ratio') return format.percent(value);
      return Math.abs(value) >= 1000 ? format.compact(value) : format.number(Math.round(value * 100) / 100);
    },
    [format],
  );
}

/** What the signed-in user may do here. */
export function useRelationshipRoles() {
  const me = useCurrentUser();
  const role = me.data?.role;
  return {
    me: me.data,
    pending: me.isPending,
    maySee: me.data ? hasRole(role, relationshipViewerRoles) : me.isPending ? undefined : false,
    mayEdit: hasRole(role, relationshipEditorRoles),
    isManager: role === 'manager' || role === 'admin',
  };
}
