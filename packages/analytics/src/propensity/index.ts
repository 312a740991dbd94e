// The general propensity trainer (logistic regression). `sigmoid`, `softplus` and `logit` stay inside the
// folder: generic names another model's folder may export too.
export * from './input-error.js';
export * from './table.js';
export { fitLogisticRegression, logOdds, predictProbabilities, type LogisticModel, type LogisticOptions } from './logistic-regression.js';
export * from './cross-validation.js';
export { applyPlatt, calibrateProbabilities, fitPlattScaling, IDENTITY_CALIBRATION, reliabilityCurve, type PlattScaling, type ReliabilityBin } from './calibration.js';
export * from './outliers.js';
export * from './attributions.js';
export * from './trainer.js';
export { networkCandidate } from './network-candidate.js';
