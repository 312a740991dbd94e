#!/usr/bin/env node
// The `relata` command of the @relata/server workspace (`npx relata ...` from the repository). It runs
// src/cli.ts through tsx's loader in this same process: TypeScript without a build step, and the user's
// working directory stays as it is, so relative file paths mean what they say.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
