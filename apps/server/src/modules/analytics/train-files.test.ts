import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readTableFile, trainFromFile } from './train-files.js';

const repo = fileURLToPath(new URL('../../../../..', import.meta.url));
// the public bank-churn table (../shared/data/bank-churn/README.md): 10,000 customers, Exited = 1 for 2,037
const bank = path.join(repo, '../shared/data/bank-churn/churn-modelling.csv.gz');
const haveBank = fs.existsSync(bank);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-train-'));
afterAll(() => fs.rmSync(dir, { recursive: true }));

// a messy export: BOM, CRLF, quoted values with commas, blanks and N/A, Chinese labels, a blank line
const regions = ['"North, coast"', 'South', 'East'];
const lines = ['\uFEFF客户,收入,地区,是否购买'];
for (let i = 0; i < 120; i++) {
  const income = i % 17 === 0 ? (i % 2 ? 'N/A' : '') : String(20 + ((i * 37) % 80));
  const bought = (i * 37) % 80 > 45 || i % 9 === 0 ? '是' : '否';
  lines.push(`C${i},${income},${regions[i % 3]},${bought}`);
  if (i === 60) lines.push('');
}
const messy = path.join(dir, 'messy.csv');
fs.writeFileSync(messy, lines.join('\r\n') + '\r\n');

describe('training a propensity model from a file (relata analytics train)', () => {
  it.skipIf(!haveBank)('bank churn: 5-fold AUC and accuracy, RowNumber, CustomerId and Surname left out', { timeout: 30_000 }, async () => {
    const result = await trainFromFile({ table: bank, target: 'Exited', id: 'CustomerId', models: 'logistic' });
    expect(result.rows).toBe(10_000);
    expect(result.target).toEqual({ column: 'Exited', positive: '1', negative: '0', positives: 2037, negatives: 7963 });
    expect(result.candidates.map((c) => c.name)).toEqual(['logistic']);
    expect(result.chosen).toBe('logistic');
    // scikit-learn 1.2.1 gives 0.76524 on the same folds (bench/propensity-vs-sklearn.ts)
    expect(result.candidates[0].auc).toBeGreaterThan(0.755);
    expect(result.candidates[0].auc).toBeLessThan(0.78);
    expect(result.candidates[0].accuracy).toBeGreaterThan(0.8);
    expect(result.candidates[0].folds.map((f) => f.rows)).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(result.encoding.dropped.map((d) => `${d.column}: ${d.reason}`)).toEqual(['RowNumber: row-number', 'CustomerId: id', 'Surname: too-many-levels']);
    expect(result.encoding.features).toEqual([
      'CreditScore',
      'Geography=France',
      'Geography=Germany',
      'Geography=Spain',
      'Gender=Female',
      'Age',
      'Tenure',
      'Balance',
      'NumOfProducts',
      'HasCrCard',
      'IsActiveMember',
      'EstimatedSalary',
    ]);
    expect(result.topFactors.map((f) => f.feature).slice(0, 2)).toEqual(['Age', 'IsActiveMember']);
    // without --id, CustomerId is recognised as an identifier all the same
    const withoutId = await trainFromFile({ table: bank, target: 'Exited', top: 0, models: 'logistic' });
    expect(withoutId.encoding.dropped.map((d) => `${d.column}: ${d.reason}`)).toEqual(['RowNumber: row-number', 'CustomerId: identifier', 'Surname: too-many-levels']);
    expect(withoutId.candidates[0].auc).toBe(result.candidates[0].auc);
    expect(withoutId.topFactors).toEqual([]);
  });

  it('reads a messy CSV: BOM, CRLF, quoted commas, blank lines, blanks and N/A, 是/否', async () => {
    const table = await readTableFile(messy);
    expect(table.header).toEqual(['客户', '收入', '地区', '是否购买']);
    expect(table.rows).toHaveLength(120);
    expect(table.rows[0]).toEqual(['C0', '', 'North, coast', '是']);
    const result = await trainFromFile({ table: messy, target: '是否购买', id: '客户', models: 'logistic' });
    expect(result.target).toMatchObject({ positive: '是', negative: '否' });
    expect(result.encoding.features).toEqual(['收入', '收入 (missing)', '地区=East', '地区=North, coast', '地区=South']);
    expect(result.encoding.numeric[0]).toMatchObject({ column: '收入', missing: 8, missingIndicator: true });
    expect(result.candidates[0].auc).toBeGreaterThan(0.7);
  });

  it('says which option to fix', async () => {
    await expect(trainFromFile({ table: path.join(dir, 'nope.csv'), target: 'x' })).rejects.toThrow(/No file/);
    await expect(trainFromFile({ table: messy, target: 'bought' })).rejects.toThrow(/^--target: No column "bought" in the table; it has: 客户, 收入, 地区, 是否购买$/);
    await expect(trainFromFile({ table: messy, target: '地区' })).rejects.toThrow(/^--target: The target column "地区" is not yes\/no: it has 3 different values/);
    await expect(trainFromFile({ table: messy, target: '是否购买', positive: 'yes' })).rejects.toThrow(/^--positive: "yes" is not a value/);
    await expect(trainFromFile({ table: messy, target: '是否购买', id: 'customer' })).rejects.toThrow(/^--id: No column "customer"/);
    await expect(trainFromFile({ table: messy, target: '是否购买', models: 'logistic,forest' })).rejects.toThrow(/^--models logistic,forest: choose from logistic, network$/);
  });

  it('answers through `npx relata analytics train` with JSON, the neural network as second candidate', { timeout: 120_000 }, () => {
    const out = execFileSync('npx', ['relata', 'analytics', 'train', '--table', messy, '--target', '是否购买', '--id', '客户', '--positive', '是', '--top', '2'], {
      cwd: repo,
      encoding: 'utf8',
    });
    const json = JSON.parse(out);
    expect(json.candidates.map((c: { name: string }) => c.name)).toEqual(['logistic', 'network']);
    for (const c of json.candidates) {
      expect(c).toMatchObject({ auc: expect.any(Number), accuracy: expect.any(Number) });
      expect(c.folds).toHaveLength(5);
    }
    const best = json.candidates.reduce((a: { auc: number }, b: { auc: number }) => (b.auc > a.auc ? b : a));
    expect(json.chosen).toBe(best.name);
    expect(json.topFactorsFrom).toBe('logistic');
    expect(json.topFactors).toHaveLength(2);
    expect(json.validation).toEqual({ method: 'stratified k-fold', folds: 5, seed: 1 });
  });
});
