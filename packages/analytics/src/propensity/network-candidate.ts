/**
 * The neural network of `propensity-network/` (a small tfjs MLP, trained by its own code) as a candidate of the
 * trainer: it is trained once per fold on the trainer's folds and its out-of-fold probabilities are compared with
 * logistic regression's by AUC. Kept out of `trainer.ts` so that the trainer itself never loads tfjs; callers
 * opt in (`candidates: [networkCandidate()]`).
 */
import { trainNetwork, type NetworkOptions } from '../propensity-network/network.js';
import type { CandidateTrainer } from './trainer.js';

export function networkCandidate(options: Omit<NetworkOptions, 'seed' | 'folds'> = {}): CandidateTrainer {
  return {
    name: 'network',
    async outOfFold(X, y, folds, seed) {
      const rows = Array.from({ length: X.rows }, (_, i) => X.values.subarray(i * X.columns, (i + 1) * X.columns));
      const model = await trainNetwork(rows, y, { ...options, seed, folds });
      if (!model.outOfFold) throw new Error('the network returned no out-of-fold probabilities');
      return model.outOfFold;
    },
  };
}
