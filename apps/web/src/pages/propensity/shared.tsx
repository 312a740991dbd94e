import { useCallback } from 'react';
import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { LocalizedText } from '../../api/analytics';
import { useCurrentUser } from '../../api/auth';
import { trainerRoles } from '../../api/propensity';
import { hasRole } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { ModelEmpty, ModelForbidden } from '../segments/shared';
import './propensity.css';

/** A target's name: "Any purchase", "Churn", or the product group's "Around <anchor product>". */
export function useTargetLabel() {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  return useCallback(
    (target: string, label?: LocalizedText | null) => {
      if (target === 'any') return t('propensity.targets.any');
      if (target === 'churn') return t('propensity.targets.churn');
      return localized(label) || t('propensity.targets.group', { n: target.replace(/^group:/, '') });
    },
    [t, localized],
  );
}

/** "Logistic regression" / "Neural network" (any other name as sent). */
export function useModelName() {
  const { t } = useTranslation();
  return useCallback((name: string) => (name === 'logistic' || name === 'network' ? t(`propensity.modelNames.${name}`) : name), [t]);
}

export function useMayTrain(): boolean {
  return hasRole(useCurrentUser().data?.role, trainerRoles);
}

/** The propensity area's sub-pages: the models, their accuracy over time, and the trainer for uploaded tables. */
export function PropensityNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const mayTrain = useMayTrain();
  const items = [
    { key: '/propensity', label: <span data-testid="propensity-nav-models">{t('propensity.nav.models')}</span> },
    { key: '/propensity/accuracy', label: <span data-testid="propensity-nav-accuracy">{t('propensity.nav.accuracy')}</span> },
    ...(mayTrain ? [{ key: '/propensity/trainer', label: <span data-testid="propensity-nav-trainer">{t('propensity.nav.trainer')}</span> }] : []),
  ];
  const active = items.find((i) => i.key !== '/propensity' && location.pathname.startsWith(i.key))?.key ?? '/propensity';
  return (
    <Flex align="center" justify="space-between" gap={16} className="propensity-nav">
      <Tabs activeKey={active} items={items} onChange={(key) => navigate(key)} className="propensity-nav-tabs" />
      <Link to="/churn" className="propensity-nav-link" data-testid="propensity-nav-churn">
        {t('propensity.nav.churnList')} →
      </Link>
    </Flex>
  );
}

/** A propensity page the user's role may not open: which roles may. */
export function PropensityForbidden({ title, trainer }: { title: string; trainer?: boolean }) {
  const { t } = useTranslation();
  return (
    <ModelForbidden
      title={title}
      area="propensity"
      heading={t(trainer ? 'propensity.common.trainerForbiddenTitle' : 'propensity.common.forbiddenTitle')}
      description={t(trainer ? 'propensity.common.trainerForbidden' : 'propensity.common.forbidden')}
    />
  );
}

/** No propensity model yet: where the models come from, and for the roles that may, a button that runs the refresh. */
export function PropensityEmpty({ canRun, busy, onRun, horizonDays = 90 }: { canRun: boolean; busy: boolean; onRun: () => void; horizonDays?: number }) {
  const { t } = useTranslation();
  return (
    <ModelEmpty
      area="propensity"
      canRun={canRun}
      busy={busy}
      onRun={onRun}
      title={t('propensity.common.emptyTitle')}
      description={t('propensity.common.empty', { days: horizonDays })}
    />
  );
}

/** A probability as a percentage; below 0.1 % and above 99.9 % as such, never a flat "0%" or "100%". */
export function useProbability() {
  const format = useFormatters();
  return useCallback(
    (p: number | null | undefined) => {
      if (p === null || p === undefined || !Number.isFinite(p)) return '—';
      if (p > 0 && p < 0.001) return `<${format.percent(0.001)}`;
      if (p < 1 && p > 0.999) return `>${format.percent(0.999)}`;
      return format.percent(p);
    },
    [format],
  );
}

/** Ticks of a probability axis: 0 %, 25 %, … */
export const percentTick = (v: number) => `${Math.round(v * 100)}%`;
