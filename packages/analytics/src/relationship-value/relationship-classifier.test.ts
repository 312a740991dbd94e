import { describe, expect, it } from 'vitest';
import { mulberry32, normalSampler } from '../segments/test-helpers.js';
import { centredLogitNetwork, multiclassNetworkProbabilities, trainMulticlassNetwork } from './multiclass-network.js';
import { forward, standardiseRow } from '../propensity-network/mlp.js';
import { classifyRelationships, explainRelationshipClass, predictRelationshipClass, RELATIONSHIP_CLASSES, stratifiedSplit, type RelationshipClass } from './relationship-classifier.js';

/**
 * A population whose classes are known: the nine factors in raw units (skewed, with outliers and a few
 * extreme service costs), the true value a weighted sum of the factors' z-scores with weights of our own
 * (not the AHP defaults: the analysts value service cost and repeat purchases more), plus noise; the
 * classes are its terciles. `noise` is the noise sd relative to the sd of the true value.
 */
function population(n: number, noise: number, seed: number) {
  const random = mulberry32(seed);
  const normal = normalSampler(random);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const cost = Math.exp(5 + 0.5 * normal()) * (random() < 0.01 ? 20 : 1);
    rows.push([
      20 + 8 * normal(), // unit profit
      Math.round(Math.exp(4 + 0.5 * normal())), // quantity
      cost, // service cost
      0.05 * normal(), // price premium
      random(), // repeat purchase rate
      0.05 + 0.1 * normal(), // income growth
      0.5 * random(), // value-added share
      random() < 0.6 ? 0 : Math.exp(6 + normal()), // word of mouth
      Math.floor(6 * random()), // new products + suggestions
    ]);
  }
  const truthWeights = [1, 0.8, -1.2, 0.3, 0.9, 0.2, 0.4, 0.3, 0.2];
  // z-scores on winsorised columns (the truth is about typical customers, not the 1 % outliers)
  const z = rows.map(() => new Float64Array(9));
  for (let j = 0; j < 9; j++) {
    const column = rows.map((r) => r[j]).sort((a, b) => a - b);
    const lo = column[Math.floor(0.01 * n)];
    const hi = column[Math.ceil(0.99 * n) - 1];
    const clipped = rows.map((r) => Math.min(hi, Math.max(lo, r[j])));
    const mean = clipped.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(clipped.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    clipped.forEach((v, i) => (z[i][j] = (v - mean) / sd));
  }
  const value = z.map((row) => row.reduce((s, v, j) => s + truthWeights[j] * v, 0));
  const sdValue = Math.sqrt(value.reduce((s, v) => s + v * v, 0) / n);
  const noisy = value.map((v) => v + noise * sdValue * normal());
  const tercile = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const low = sorted[Math.floor(n / 3)];
    const high = sorted[Math.floor((2 * n) / 3)];
    return values.map((v): RelationshipClass => (v >= high ? 'good' : v < low ? 'bad' : 'medium'));
  };
  return { rows, labels: tercile(noisy), noiseless: tercile(value) };
}

const agreement = (a: readonly string[], b: readonly string[]) => a.filter((v, i) => v === b[i]).length / a.length;

describe('classifyRelationships', { timeout: 120_000 }, () => {
  it('recovers the classes of a simulated population from decisions; the regression beats the AHP score alone', async () => {
    const { rows, labels, noiseless } = population(1500, 0.15, 11);
    const started = performance.now();
    const result = await classifyRelationships({ rows, labels }, { seed: 3, candidates: ['ahp', 'softmax-regression'] });
    const ms = performance.now() - started;
    expect(result.labelSource).toBe('decisions');
    expect(result.decisions).toEqual([500, 500, 500]);
    expect(result.heldOutRows).toBe(375);
    const [ahp, regression] = result.candidates;
    console.log(
      `clean truth (noise 0.15 sd), 1500 customers, ${ms.toFixed(0)} ms: ` +
        result.candidates.map((c) => `${c.kind} accuracy ${c.quality.accuracy.toFixed(3)} macro-F1 ${c.quality.macroF1.toFixed(3)} confusion ${JSON.stringify(c.quality.confusion)}`).join('; ') +
        `; agreement of the noisy labels with the noiseless truth ${agreement(labels, noiseless).toFixed(3)}`,
    );
    expect(regression.quality.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(regression.quality.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(regression.quality.macroF1).toBeGreaterThan(ahp.quality.macroF1 + 0.05);
    expect(result.chosen).toBe('softmax-regression');
    expect(regression.chosen).toBe(true);
    // the whole population, classified by the refitted model, agrees with the noiseless truth
    expect(agreement(result.classes, noiseless)).toBeGreaterThan(0.8);
    // confusion matrices count the held-out customers
    for (const c of result.candidates) expect(c.quality.confusion.flat().reduce((s, v) => s + v, 0)).toBe(375);
  });

  it('falls back to the AHP terciles when decisions are few, and says so', async () => {
    const { rows, labels } = population(600, 0.15, 12);
    const few = labels.map((l, i) => (i < 40 ? l : null));
    const result = await classifyRelationships({ rows, labels: few }, { seed: 1, candidates: ['ahp', 'softmax-regression'] });
    expect(result.labelSource).toBe('ahp-terciles');
    expect(result.decisions.reduce((s, c) => s + c, 0)).toBe(40);
    expect(result.labelNote.en).toMatch(/Too few decisions .* at least 30 of each .* terciles/);
    expect(result.labelNote.zh).toContain('三分位');
    // every customer is in the training set; about a third per class
    expect(result.labelCounts.reduce((s, c) => s + c, 0)).toBe(600);
    for (const c of result.labelCounts) expect(Math.abs(c - 200)).toBeLessThan(30);
    const ahp = result.candidates.find((c) => c.kind === 'ahp')!;
    console.log(`terciles fallback: ${result.candidates.map((c) => `${c.kind} macro-F1 ${c.quality.macroF1.toFixed(3)}`).join(', ')}; chosen ${result.chosen}`);
    expect(ahp.quality.macroF1).toBeGreaterThan(0.9);
    // with no decisions at all the AHP score is the truth, and the simplest candidate wins
    const none = await classifyRelationships({ rows }, { seed: 1, candidates: ['ahp', 'softmax-regression'] });
    expect(none.labelSource).toBe('ahp-terciles');
    expect(none.chosen).toBe('ahp');
    expect(none.labelNote.en).not.toContain('taking precedence');
  });

  it('explains a class: regression contributions add up to the centred log-odds; an expensive customer is bad because of its cost', async () => {
    const { rows, labels } = population(900, 0.15, 13);
    // a customer who is clearly unprofitable: typical everywhere except a service cost far above everyone's
    rows.push([20, 55, 5000, 0, 0.5, 0.05, 0.25, 0, 2]);
    labels.push('bad');
    const result = await classifyRelationships({ rows, labels }, { seed: 2, candidates: ['softmax-regression'] });
    const last = rows.length - 1;
    expect(result.classes[last]).toBe('bad');
    const why = explainRelationshipClass(result, last);
    expect(why.class).toBe('bad');
    expect(why.kind).toBe('softmax-regression');
    expect(why.factors[0].key).toBe('serviceCost');
    expect(why.factors[0].contribution).toBeGreaterThan(0);
    expect(why.factors[0].raw).toBe(5000);
    expect(why.factors[0].normalised).toBe(0);
    const p = result.probabilities[last];
    const model = result.model.regression!;
    // a customer scored from raw factors with the stored model gets the same answer
    expect([...predictRelationshipClass(result.model, rows[last]).probabilities]).toEqual([...p]);
    const centred = (q: ArrayLike<number>, k: number) => Math.log(q[k]) - Array.from(q).reduce((s, v) => s + Math.log(v), 0) / q.length;
    const { softmaxRegressionProbabilities } = await import('./softmax-regression.js');
    expect(why.total).toBeCloseTo(centred(p, 2) - centred(softmaxRegressionProbabilities(model, model.mean), 2), 10);
    expect(why.measure.en).toContain('“Bad”');
    // "why not good?"
    expect(explainRelationshipClass(result, last, 'good').factors[0].contribution).toBeLessThan(0);
  });

  it('with the AHP score chosen, contributions are weight × (x − mean) and add up to score − mean score', async () => {
    const { rows } = population(300, 0.15, 14);
    const result = await classifyRelationships({ rows }, { seed: 1, candidates: ['ahp'] });
    const meanScore = result.scores.reduce((s, v) => s + v, 0) / rows.length;
    const why = explainRelationshipClass(result, 5);
    expect(why.kind).toBe('ahp');
    expect(why.total).toBeCloseTo(result.scores[5] - meanScore, 12);
  });

  it('the network candidate: 9 → 8 → 3 softmax, compared with the others on the same held-out customers', async () => {
    const { rows, labels, noiseless } = population(1200, 0.15, 15);
    const started = performance.now();
    const result = await classifyRelationships({ rows, labels }, { seed: 4, network: { epochs: 120 } });
    const ms = performance.now() - started;
    const network = result.candidates.find((c) => c.kind === 'network')!;
    console.log(
      `with the network, 1200 customers, ${ms.toFixed(0)} ms: ` +
        result.candidates.map((c) => `${c.kind} accuracy ${c.quality.accuracy.toFixed(3)} macro-F1 ${c.quality.macroF1.toFixed(3)}`).join('; ') +
        `; chosen ${result.chosen}; population agreement with the noiseless truth ${agreement(result.classes, noiseless).toFixed(3)}`,
    );
    expect(result.candidates.map((c) => c.kind)).toEqual(['ahp', 'softmax-regression', 'network']);
    expect(network.quality.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(result.chosen).not.toBe('ahp');
  });

  it('a network explanation adds up to the centred log-odds against the mean customer (integrated gradients)', async () => {
    const { rows, labels } = population(600, 0.15, 17);
    const result = await classifyRelationships({ rows, labels }, { seed: 4, candidates: ['network'], network: { epochs: 60 } });
    expect(result.chosen).toBe('network');
    const net = result.model.network!;
    for (const i of [0, 1, 2]) {
      const why = explainRelationshipClass(result, i);
      const c = RELATIONSHIP_CLASSES.indexOf(why.class);
      const centred = (x: ArrayLike<number>) => forward(centredLogitNetwork(net, c), standardiseRow(net, x)).logit;
      const difference = centred(result.normalisation.rows[i]) - centred(net.mean);
      expect(Math.abs(why.total - difference)).toBeLessThan(0.02 * Math.max(1, Math.abs(difference)));
    }
  });
});

describe('trainMulticlassNetwork', { timeout: 60_000 }, () => {
  it('is reproducible, leaves no tensors, and its centred-logit network is the class logit minus the mean logit', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { rows, labels } = population(300, 0.15, 16);
    const y = labels.map((l) => RELATIONSHIP_CLASSES.indexOf(l));
    await trainMulticlassNetwork(rows.slice(0, 30), y.slice(0, 30), { classes: 3, seed: 1, epochs: 1 });
    const before = tf.memory().numTensors;
    const a = await trainMulticlassNetwork(rows, y, { classes: 3, seed: 5, epochs: 20 });
    const b = await trainMulticlassNetwork(rows, y, { classes: 3, seed: 5, epochs: 20 });
    expect(tf.memory().numTensors).toBe(before);
    expect(a.weights).toEqual(b.weights);
    expect(a.weights.layers.map((l) => [l.inputs, l.outputs])).toEqual([
      [9, 8],
      [8, 3],
    ]);
    for (const row of rows.slice(0, 5)) {
      const logits = forward(a.weights, standardiseRow(a.weights, row)).preActivations[1];
      const p = multiclassNetworkProbabilities(a.weights, row);
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
      for (let k = 0; k < 3; k++) {
        const centred = forward(centredLogitNetwork(a.weights, k), standardiseRow(a.weights, row)).logit;
        expect(centred).toBeCloseTo(logits[k] - (logits[0] + logits[1] + logits[2]) / 3, 12);
        expect(Math.log(p[k] / p[(k + 1) % 3])).toBeCloseTo(logits[k] - logits[(k + 1) % 3], 10);
      }
    }
  });
});

describe('stratifiedSplit', () => {
  it('holds out the same share of every class, reproducibly', () => {
    const y = Int8Array.from({ length: 103 }, (_, i) => (i < 60 ? 0 : i < 90 ? 1 : 2));
    const rows = Int32Array.from({ length: 103 }, (_, i) => i);
    const { fit, heldOut } = stratifiedSplit(rows, y, 0.25, 7);
    expect(fit.length + heldOut.length).toBe(103);
    expect([0, 1, 2].map((k) => heldOut.filter((i) => y[i] === k).length)).toEqual([15, 8, 3]);
    expect(stratifiedSplit(rows, y, 0.25, 7).heldOut).toEqual(heldOut);
    expect(stratifiedSplit(rows, y, 0.25, 8).heldOut).not.toEqual(heldOut);
  });
});
