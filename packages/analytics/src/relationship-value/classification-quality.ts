/**
 * How well a K-way classifier did on held-out customers: the confusion matrix, accuracy, per-class
 * precision, recall and F1, and macro-F1 — the unweighted mean of the per-class F1 (Sokolova &
 * Lapalme 2009, "A systematic analysis of performance measures for classification tasks", Inf.
 * Processing & Management 45). Macro-F1 chooses the classifier because the class that matters here,
 * "bad", may be the smallest: accuracy can be high while every bad customer is missed; macro-F1
 * cannot. A class never predicted has precision 0 (scikit-learn's `zero_division=0`), so its F1 is 0.
 */

export interface ClassificationQuality {
  /** confusion[true][predicted]: customers of class `true` predicted as `predicted`. */
  confusion: number[][];
  accuracy: number;
  precision: number[];
  recall: number[];
  f1: number[];
  macroF1: number;
  /** Held-out customers counted. */
  n: number;
}

export function classificationQuality(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ClassificationQuality {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true classes, ${predicted.length} predictions`);
  const n = truth.length;
  if (n === 0) throw new RangeError('no customers to evaluate');
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (!(t >= 0 && t < classes && p >= 0 && p < classes)) throw new RangeError(`row ${i}: class ${t} / prediction ${p} outside 0 … ${classes - 1}`);
    confusion[t][p]++;
  }
  let correct = 0;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  for (let k = 0; k < classes; k++) {
    correct += confusion[k][k];
    let predictedK = 0;
    let actualK = 0;
    for (let l = 0; l < classes; l++) {
      predictedK += confusion[l][k];
      actualK += confusion[k][l];
    }
    const pr = predictedK === 0 ? 0 : confusion[k][k] / predictedK;
    const rc = actualK === 0 ? 0 : confusion[k][k] / actualK;
    precision.push(pr);
    recall.push(rc);
    f1.push(pr + rc === 0 ? 0 : (2 * pr * rc) / (pr + rc));
  }
  return { confusion, accuracy: correct / n, precision, recall, f1, macroF1: f1.reduce((s, v) => s + v, 0) / classes, n };
}
