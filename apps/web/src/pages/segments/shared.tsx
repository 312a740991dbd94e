import { useCallback } from 'react';
import { Button, Card, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import type { LocalizedText } from '../../api/analytics';
import { useCurrentUser } from '../../api/auth';
import { hasRole, segmentRoles, type ProductGroup } from '../../api/segments';
import { EmptyCard, EmptyHint } from '../../components/feedback/EmptyCard';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { PageHeader, PageHeaderNote } from '../../components/layout/PageHeader';

/** One colour per customer group, the same on every chart, card and bar (up to 12 groups). */
export const groupColors = [
  '#1677ff',
  '#fa8c16',
  '#52c41a',
  '#eb2f96',
  '#722ed1',
  '#13c2c2',
  '#fadb14',
  '#f5222d',
  '#2f54eb',
  '#a0d911',
  '#8c8c8c',
  '#d46b08',
];
export const groupColor = (groupNo: number) => groupColors[((groupNo % groupColors.length) + groupColors.length) % groupColors.length];

/** A customer group's name: the analyst's, or the one the model suggests, in the UI language. */
export function useGroupName() {
  const localized = useLocalizedText();
  return useCallback(
    (group: { name: string | null; suggestedName?: LocalizedText; profile?: { suggestedName: LocalizedText } } | undefined, groupNo?: number) => {
      if (!group) return groupNo !== undefined ? `#${groupNo + 1}` : '—';
      return group.name || localized(group.suggestedName ?? group.profile?.suggestedName) || (groupNo !== undefined ? `#${groupNo + 1}` : '—');
    },
    [localized],
  );
}

type NamedGroup = { groupNo: number; name: string | null; suggestedName?: LocalizedText; profile?: { suggestedName: LocalizedText } };

/**
 * Every group's name, told apart: two groups the model suggests the same name for (or an analyst names alike)
 * get their number added, so a chart legend, a picker or a list never shows two identical entries.
 */
export function useGroupNames(groups: NamedGroup[]): (groupNo: number) => string {
  const groupName = useGroupName();
  const names = new Map(groups.map((g) => [g.groupNo, groupName(g, g.groupNo)]));
  const counts = new Map<string, number>();
  for (const name of names.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return (groupNo: number) => {
    const name = names.get(groupNo) ?? `#${groupNo + 1}`;
    return (counts.get(name) ?? 0) > 1 ? `${name} #${groupNo + 1}` : name;
  };
}

/** A product group's name: the analyst's, or "around <anchor product>". */
export function useProductGroupName() {
  const { t } = useTranslation();
  return useCallback(
    (group: ProductGroup | undefined) => {
      if (!group) return '—';
      if (group.name) return group.name;
      const anchor = group.products?.find((p) => p.id === group.anchorProductId) ?? group.products?.[0];
      return anchor ? t('segments.together.around', { name: anchor.name }) : t('segments.together.groupNo', { n: group.groupNo + 1 });
    },
    [t],
  );
}

/** Whether the signed-in user may open the model's pages (the menu shows them to the same roles). */
export function useMaySeeModel(): boolean | undefined {
  const me = useCurrentUser();
  return me.data ? hasRole(me.data.role, segmentRoles) : me.isPending ? undefined : false;
}

/**
 * A model page the user's role may not open: which roles may. Serves every model page (`area` names the test id;
 * the texts default to the predictive model's).
 */
export function ModelForbidden({ title, area = 'segments', heading, description }: { title: string; area?: string; heading?: string; description?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Card data-testid={`${area}-forbidden`}>
        <Result status="403" title={heading ?? t('segments.common.forbiddenTitle')} subTitle={description ?? t('segments.common.forbidden')} />
      </Card>
    </>
  );
}

/**
 * No model yet: what it is, where it comes from, and for the roles that may, a button that runs the refresh.
 * Serves every model page (`area` names the test ids; title and description default to the predictive model's).
 */
export function ModelEmpty({
  canRun,
  busy,
  onRun,
  area = 'segments',
  title,
  description,
  offerImport = true,
}: {
  canRun: boolean;
  busy: boolean;
  onRun: () => void;
  area?: string;
  title?: string;
  description?: string;
  /** Offer the import of orders (to those who may import). */
  offerImport?: boolean;
}) {
  const { t } = useTranslation();
  const canImport = useCanWrite('imports') && offerImport;
  return (
    <EmptyCard
      testId={`${area}-empty`}
      title={title ?? t('segments.common.emptyTitle')}
      description={
        <>
          <EmptyHint>{description ?? t('segments.common.empty')}</EmptyHint>
          {!canRun ? <EmptyHint>{t('segments.common.emptyNoRole')}</EmptyHint> : null}
        </>
      }
    >
      <Flex gap={8} justify="center">
        {canRun ? (
          <Button type="primary" loading={busy} onClick={onRun} data-testid={`${area}-run-first`}>
            {t('segments.common.runNow')}
          </Button>
        ) : null}
        {canImport ? (
          <Link to="/import">
            <Button>{t('segments.common.importOrders')}</Button>
          </Link>
        ) : null}
      </Flex>
    </EmptyCard>
  );
}

/** "Model of <date>" in a page header. */
export function SnapshotInfo({ asOf }: { asOf: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!asOf) return null;
  return <PageHeaderNote testId="segments-snapshot-date">{t('segments.common.asOf', { date: format.dateTime(asOf) })}</PageHeaderNote>;
}

/** Cuts a label for a chart axis (CJK characters count double), adding "…". */
export function truncateLabel(text: string, max = 14): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
    if (width > max) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * Breaks a label for a chart into at most two lines of about `max` (CJK counting double): at a colon or a space
 * where it can, the rest cut with "…" — so "Share of spend: building_materials" keeps its telling part.
 */
export function wrapLabel(text: string, max = 16): string {
  const width = (t: string) => [...t].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  if (width(text) <= max) return text;
  const breaks = [...text.matchAll(/[:：]\s*|\s+/g)].map((m) => ({ at: m.index!, end: m.index! + m[0].length }));
  const fitting = breaks.filter((b) => b.at > 0 && width(text.slice(0, b.at + 1)) <= max + 1);
  const cut = fitting[fitting.length - 1];
  let first: string;
  let rest: string;
  if (cut) {
    first = text.slice(0, cut.end).trimEnd();
    rest = text.slice(cut.end);
  } else {
    // no place to break: cut the first line where it is full
    first = truncateLabel(text, max).replace(/…$/, '');
    rest = text.slice(first.length);
  }
  return `${first}\n${truncateLabel(rest, max)}`;
}

/** Escapes a name for an ECharts tooltip (which is HTML). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
