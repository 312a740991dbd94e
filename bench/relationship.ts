/**
 * The relationship-value step's computation (AHP weights, normalisation, the good/medium/bad classifier and every
 * customer's explanation) on 100,000 customers with random factors, without the database.
 *   npx tsx bench/relationship.ts [--customers 100000]
 */
import { computeRelationship } from '../apps/server/src/modules/relationship/compute.js';

const args = process.argv.slice(2);
const n = Number(args.includes('--customers') ? args[args.indexOf('--customers') + 1] : 100_000);
let seed = 1;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const rows = Array.from({ length: n }, () => Float64Array.from({ length: 9 }, () => random() * 100));
const t0 = performance.now();
const result = await computeRelationship({ accountIds: rows.map((_, i) => i + 1), rows, labels: rows.map(() => null), matrices: {} });
console.log(`${n.toLocaleString('en')} customers: ${Math.round(performance.now() - t0)} ms; chosen ${result.summary.chosen}; classes ${result.summary.classes.join(' / ')}`);
