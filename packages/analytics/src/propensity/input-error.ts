/**
 * A table the trainer cannot learn from (no rows, no such target column, a target that is not yes/no, a single
 * class): the message names the column and what is wrong with it, in both languages, and `field` names the
 * option to fix, so a form can put the message beside the right input and the CLI beside the right flag.
 */
import type { LocalizedText } from '../localized-text.js';

export type PropensityInputField = 'table' | 'target' | 'positive' | 'id';

export class PropensityInputError extends Error {
  override readonly name = 'PropensityInputError';

  constructor(
    readonly field: PropensityInputField,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}
