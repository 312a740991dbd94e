// The public data sets beside the repository (../shared/data; see its README), for tests and benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');
export const sharedData = (relative: string) => path.join(sharedDataDir, relative);
export const hasSharedData = (...relatives: string[]) => relatives.every((r) => fs.existsSync(sharedData(r)));
