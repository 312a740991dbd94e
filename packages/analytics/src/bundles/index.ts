export * from './baskets.js';
export * from './fp-growth.js';
export * from './rules.js';
export * from './phi.js';
