/**
 * Seeded uniform [0, 1) numbers and row samples for the clustering models, so a run is reproducible
 * from its seed.
 * sfc32 (Doty-Humphrey's Small Fast Counter), its state filled by splitmix32 from the seed (the package's
 * test simulations, `test/simulate-bgnbd.ts`, draw from it too).
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32();
  // 53 random bits: 27 from one draw, 26 from the next
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** All rows when n ≤ size, else `size` distinct rows by a partial Fisher–Yates shuffle. */
export function sampleRows(n: number, size: number, random: () => number): Int32Array {
  const indices = Int32Array.from({ length: n }, (_, i) => i);
  if (n <= size) return indices;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = indices[i];
    indices[i] = indices[j];
    indices[j] = t;
  }
  return indices.slice(0, size);
}
