/**
 * A customer group in plain words, English and Chinese, from its distinguishing features (profile.ts):
 *   en "High monetary value (+1.4 sd), low recency days (−0.9 sd)"
 *   zh "消费金额高（+1.4 个标准差）、最近购买天数低（−0.9 个标准差）"
 * and a default name from the (at most two) strongest: "High monetary value" / "高消费金额".
 * Labels are the caller's (feature name → LocalizedText), the feature name when missing. Chinese
 * says 高/低 for every feature: the words that read best for a particular one (少 for days) are the
 * caller's to choose by renaming the group.
 */
import type { LocalizedText } from '../localized-text.js';
import type { DistinguishingFeature } from './profile.js';

type Labels = Readonly<Record<string, LocalizedText>> | undefined;

export function describeGroup(distinguishing: readonly DistinguishingFeature[], fuzzySize: number, labels?: Labels): LocalizedText {
  if (fuzzySize === 0) return { en: 'No customers', zh: '没有客户' };
  if (distinguishing.length === 0) return { en: 'Close to the average on every feature', zh: '各项特征均接近平均水平' };
  const en = distinguishing.map((f, i) => `${i === 0 ? (f.direction === 'high' ? 'High' : 'Low') : f.direction} ${label(f, labels).en} (${signed(f.z)} sd)`);
  const zh = distinguishing.map((f) => `${label(f, labels).zh}${f.direction === 'high' ? '高' : '低'}（${signed(f.z)} 个标准差）`);
  return { en: en.join(', '), zh: zh.join('、') };
}

export function suggestGroupName(distinguishing: readonly DistinguishingFeature[], fuzzySize: number, labels?: Labels): LocalizedText {
  if (fuzzySize === 0) return { en: 'Empty group', zh: '空组' };
  if (distinguishing.length === 0) return { en: 'Average customers', zh: '平均型客户' };
  const strongest = distinguishing.slice(0, 2);
  const en = strongest.map((f, i) => `${i === 0 ? (f.direction === 'high' ? 'High' : 'Low') : f.direction} ${label(f, labels).en}`);
  const zh = strongest.map((f) => `${f.direction === 'high' ? '高' : '低'}${label(f, labels).zh}`);
  return { en: en.join(', '), zh: zh.join('、') };
}

function label(f: DistinguishingFeature, labels: Labels): LocalizedText {
  return labels?.[f.feature] ?? { en: f.feature, zh: f.feature };
}

/** One decimal with its sign, a true minus as in typeset text: +1.4, −0.9. */
function signed(z: number): string {
  return `${z >= 0 ? '+' : '−'}${Math.abs(z).toFixed(1)}`;
}
