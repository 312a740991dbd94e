// Test projects of the whole repo. `npm test` (scripts/test.mjs) runs them phase by phase:
// unit, api on PGlite, api on PostgreSQL, e2e. Each also runs alone: `npx vitest run --project unit`.
import { defineConfig } from 'vitest/config';

const exclude = ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/.tmp/**'];

// The API suite shares one PostgreSQL database per run and each file opens its own PGlite
// (2–4 s, CPU-bound, 2 cores here): files run one after another unless asked otherwise.
const apiParallel = process.env.RELATA_TEST_API_PARALLEL === '1';

export default defineConfig({
  test: {
    // a suite that leaves a PGlite or a server open must not hang the whole run
    teardownTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/**/*.test.ts', 'apps/**/*.test.ts'],
          exclude: [...exclude, '**/*.api.test.ts'],
        },
      },
      {
        test: {
          name: 'api',
          environment: 'node',
          include: ['apps/server/**/*.api.test.ts'],
          exclude,
          // `npx vitest run` alone runs the API suite on PGlite; npm test sets it per phase.
          env: { RELATA_TEST_DB: process.env.RELATA_TEST_DB ?? 'pglite' },
          pool: 'forks',
          fileParallelism: apiParallel,
          maxWorkers: apiParallel ? 2 : 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.ts'],
          exclude,
          pool: 'forks',
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // a screen waits on the server, which on a busy 2-core machine (an analytics refresh in its worker, the
          // embedded database's one connection) can take seconds: expect.poll's default of 1 s is too short
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
