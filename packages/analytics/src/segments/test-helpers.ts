// For the tests of this folder only (not exported): data with a known answer, built with a random
// number generator of their own so that no test checks the models against the models' own code.

/** mulberry32 (Tommy Ettinger), uniform [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller. */
export function normalSampler(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `perBlob` points around each centre, independent N(0, sd²) per coordinate; labels = blob index. */
export function gaussianBlobs(centres: number[][], perBlob: number, sd: number, seed: number): { rows: number[][]; labels: number[] } {
  const normal = normalSampler(mulberry32(seed));
  const rows: number[][] = [];
  const labels: number[] = [];
  centres.forEach((centre, label) => {
    for (let i = 0; i < perBlob; i++) {
      rows.push(centre.map((c) => c + sd * normal()));
      labels.push(label);
    }
  });
  return { rows, labels };
}

/** Adjusted Rand index (Hubert & Arabie 1985) of two labellings, from their contingency table. */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rowsA = new Map<number, number>();
  const rowsB = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    table.set(`${a[i]},${b[i]}`, (table.get(`${a[i]},${b[i]}`) ?? 0) + 1);
    rowsA.set(a[i], (rowsA.get(a[i]) ?? 0) + 1);
    rowsB.set(b[i], (rowsB.get(b[i]) ?? 0) + 1);
  }
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, x) => s + pairs(x), 0);
  const index = sum(table);
  const expected = (sum(rowsA) * sum(rowsB)) / pairs(a.length);
  const maximum = (sum(rowsA) + sum(rowsB)) / 2;
  return (index - expected) / (maximum - expected);
}

/** For every true centre, the distance to the nearest found centre. */
export function centreErrors(truth: number[][], found: ArrayLike<number>[]): number[] {
  return truth.map((t) => Math.min(...found.map((f) => Math.hypot(...t.map((x, j) => x - f[j])))));
}

export function euclidean(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += (x[j] - y[j]) ** 2;
  return Math.sqrt(s);
}
