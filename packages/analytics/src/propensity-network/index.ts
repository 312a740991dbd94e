// The propensity model's non-linear alternative (a small neural network, with attributions) and the
// prediction ledger's corrections (issue 5).
export { mlpPredict, type MlpLayer, type MlpWeights } from './mlp.js';
export * from './network.js';
export * from './attributions.js';
export type { DecayOptions } from './ledger-decay.js';
export * from './recalibration.js';
export * from './value-correction.js';
