import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Progress, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ahpPreview, useSaveMatrix, type AhpMatrix, type HierarchyNode, type MatrixRefusal } from '../../api/relationship';
import { ConflictAlert } from '../../components/feedback/ConflictAlert';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { useLanguage } from '../../i18n/useLanguage';

/** Saaty's scale, strongest for the row first. */
const scale = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];
const judgement = (v: number) => (v >= 1 ? String(Math.round(v)) : `1/${Math.round(1 / v)}`);
const nearest = (v: number) => scale.reduce((best, s) => (Math.abs(Math.log(s / v)) < Math.abs(Math.log(best / v)) ? s : best), 1);

interface Props {
  node: HierarchyNode;
  matrix: AhpMatrix;
  mayEdit: boolean;
  onSaved: () => void;
  onReload: () => void;
}

/**
 * One node's pairwise comparisons: a Saaty-scale choice per cell above the diagonal, the reciprocal below, a live
 * preview of the weights and CR. The server decides: a refusal is shown at the cell it names.
 */
export function MatrixEditor({ node, matrix, mayEdit, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useSaveMatrix();
  const children = node.children ?? [];
  const names = children.map((c) => localized(c.label));
  const [draft, setDraft] = useState<number[][]>(matrix.matrix);
  const [refusal, setRefusal] = useState<{ text: string; row: number | null; column: number | null } | null>(null);
  const [conflict, setConflict] = useState(false);

  // another node, or the saved matrix changed (a save, a reload): start from it
  useEffect(() => {
    setDraft(matrix.matrix);
    setRefusal(null);
    setConflict(false);
  }, [node.key, matrix.version, matrix.matrix]);

  const preview = useMemo(() => ahpPreview(draft), [draft]);
  const changed = draft.some((row, i) => row.some((v, j) => Math.abs(v - matrix.matrix[i][j]) > 1e-9));

  const setCell = (i: number, j: number, v: number) => {
    setDraft((m) => m.map((row, r) => row.map((x, c) => (r === i && c === j ? v : r === j && c === i ? 1 / v : x))));
    setRefusal(null);
  };

  /** The server's text names the items "item 1" / "第 1 项": put their names in. */
  const withNames = (text: string) =>
    text.replace(/item (\d+)/g, (whole, n: string) => names[Number(n) - 1] ?? whole).replace(/第 (\d+) 项/g, (whole, n: string) => names[Number(n) - 1] ?? whole);

  const submit = () => {
    setRefusal(null);
    setConflict(false);
    save.mutate(
      { node: node.key, matrix: draft, version: matrix.version },
      {
        onSuccess: (saved) => {
          void message.success(t('relationship.page.matrix.saved', { cr: format.fixed(saved.cr, 3) }));
          onSaved();
        },
        onError: (error) => {
          if (isApiError(error, 409)) setConflict(true);
          else if (isApiError(error, 400)) {
            const detail = (Array.isArray(error.details) ? (error.details as MatrixRefusal[]) : [])[0];
            const text = detail?.text ? (language === 'zh-CN' ? detail.text.zh : detail.text.en) : (detail?.message ?? error.message);
            const path = detail?.path ?? [];
            setRefusal({
              text: withNames(text),
              row: typeof path[1] === 'number' ? path[1] : null,
              column: typeof path[2] === 'number' ? path[2] : null,
            });
          } else notifyError(error);
        },
      },
    );
  };

  const marked = (i: number, j: number) => refusal !== null && ((refusal.row === i && refusal.column === j) || (refusal.row === j && refusal.column === i));
  // right under the matrix, naming the cell it marks in red
  const refusalAlert = refusal ? (
    <Alert
      type="error"
      showIcon
      data-testid="relationship-matrix-refusal"
      style={{ marginTop: 8 }}
      title={
        refusal.row !== null && refusal.column !== null
          ? `${t('relationship.page.matrix.refusedTitle')} · ${t('relationship.page.matrix.reconsider')}: ${names[refusal.row]} / ${names[refusal.column]}`
          : t('relationship.page.matrix.refusedTitle')
      }
      description={refusal.text}
    />
  ) : null;

  const cell = (i: number, j: number) => {
    const v = draft[i][j];
    let content;
    if (i === j) content = <div className="ahp-cell-fixed">1</div>;
    else if (i < j && mayEdit)
      content = (
        <Select<number>
          value={nearest(v)}
          onChange={(value) => setCell(i, j, value)}
          options={scale.map((s) => ({ value: s, label: judgement(s) }))}
          style={{ width: '100%' }}
          status={marked(i, j) ? 'error' : undefined}
          className={marked(i, j) ? 'ahp-cell-error' : undefined}
          popupMatchSelectWidth={false}
          virtual={false}
          aria-label={`${names[i]} / ${names[j]}`}
          data-testid={`relationship-cell-${i}-${j}`}
          optionRender={(option) => {
            const s = option.value as number;
            const key = String(Math.round(s >= 1 ? s : 1 / s)) as '1' | '3' | '5' | '7' | '9';
            const hint = ['1', '3', '5', '7', '9'].includes(key) ? t(`relationship.page.matrix.scale.${key}`) : null;
            return (
              <Flex justify="space-between" gap={12}>
                <b>{judgement(s)}</b>
                {hint && s >= 1 ? <Typography.Text type="secondary">{hint.replace(/^\d+ — /, '')}</Typography.Text> : null}
              </Flex>
            );
          }}
        />
      );
    else
      content = (
        <div className={`ahp-cell-fixed${marked(i, j) ? ' ahp-cell-error' : ''}`} data-testid={`relationship-cell-${i}-${j}`}>
          {judgement(nearest(v))}
        </div>
      );
    return content;
  };

  return (
    <Card
      title={
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
            {t('relationship.page.matrix.title', { node: localized(node.label) })}
          </Typography.Text>
          <Tag color={matrix.custom ? 'blue' : 'default'}>{matrix.custom ? t('relationship.page.matrix.custom') : t('relationship.page.matrix.default')}</Tag>
        </Flex>
      }
      extra={<Typography.Text type="secondary">{t('relationship.page.matrix.version', { version: matrix.version })}</Typography.Text>}
      className="value-card"
      data-testid="relationship-matrix"
      data-node={node.key}
    >
      {conflict ? (
        <ConflictAlert
          testId="relationship-matrix-conflict"
          title={t('relationship.page.matrix.conflictTitle')}
          description={t('relationship.page.matrix.conflict')}
          reloadLabel={t('relationship.page.matrix.reload')}
          reloading={false}
          onReload={onReload}
        />
      ) : null}
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('relationship.page.matrix.help')}
      </Typography.Paragraph>
      <div style={{ overflowX: 'auto' }}>
        <table className="ahp-matrix">
          <thead>
            <tr>
              <th style={{ fontWeight: 400, color: 'rgba(0,0,0,0.45)' }}>{t('relationship.page.matrix.rowVsColumn')}</th>
              {names.map((name, j) => (
                <th key={j} title={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((name, i) => (
              <tr key={i}>
                <th title={name}>{name}</th>
                {names.map((_, j) => (
                  <td key={j}>{cell(i, j)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {refusalAlert}
      <Flex vertical gap={6} style={{ marginTop: 12 }} data-testid="relationship-matrix-preview">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('relationship.page.matrix.previewWeights')}
        </Typography.Text>
        {names.map((name, i) => (
          <Flex key={i} align="center" gap={8}>
            <Typography.Text ellipsis={{ tooltip: name }} style={{ width: 150, flex: '0 0 150px' }}>
              {name}
            </Typography.Text>
            <Progress percent={Math.round(preview.weights[i] * 1000) / 10} size="small" format={(p) => `${p}%`} style={{ margin: 0, flex: 1 }} />
          </Flex>
        ))}
        <Flex align="center" gap={8} wrap>
          {children.length > 2 ? (
            <Tag color={preview.cr < 0.1 ? 'green' : 'red'} data-testid="relationship-matrix-cr">
              {preview.cr < 0.1
                ? t('relationship.page.matrix.crOk', { value: format.fixed(preview.cr, 3) })
                : t('relationship.page.matrix.crBad', { value: format.fixed(preview.cr, 3) })}
            </Tag>
          ) : (
            <Tag>{t('relationship.page.matrix.notOrderTwo')}</Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('relationship.page.matrix.previewNote')}
          </Typography.Text>
        </Flex>
      </Flex>
      {mayEdit ? (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
          <Button disabled={!changed || save.isPending} onClick={() => { setDraft(matrix.matrix); setRefusal(null); }} data-testid="relationship-matrix-reset">
            {t('relationship.page.matrix.reset')}
          </Button>
          <Button type="primary" disabled={!changed} loading={save.isPending} onClick={submit} data-testid="relationship-matrix-save">
            {t('relationship.page.matrix.save')}
          </Button>
        </Flex>
      ) : (
        <Alert type="info" showIcon title={t('relationship.page.matrix.readOnly')} style={{ marginTop: 12 }} />
      )}
    </Card>
  );
}
