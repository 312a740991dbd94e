// Customer relationship value (seed 003, issue 6): the nine factors and their hierarchy, AHP weights
// with Saaty's consistency check, and the good / medium / bad classifier with its explanations.
// Generic helpers (quantiles, the stratified split, the value scaler) stay inside the folder.
export {
  applyNormalisation,
  factorRow,
  normaliseFactors,
  RELATIONSHIP_FACTOR_KEYS,
  RELATIONSHIP_FACTORS,
  RELATIONSHIP_HIERARCHY,
  type FactorBounds,
  type FactorDirection,
  type FactorNormalisation,
  type FactorUnit,
  type NormalisationMethod,
  type NormaliseOptions,
  type RelationshipFactor,
  type RelationshipFactorGroup,
  type RelationshipFactorKey,
  type RelationshipNode,
} from './factors.js';
export * from './ahp.js';
export * from './classification-quality.js';
export * from './softmax-regression.js';
export * from './multiclass-network.js';
export {
  classifyRelationships,
  explainRelationshipClass,
  predictRelationshipClass,
  RELATIONSHIP_CLASS_TEXT,
  RELATIONSHIP_CLASSES,
  RELATIONSHIP_CLASSIFIER_TEXT,
  type RelationshipCandidate,
  type RelationshipClass,
  type RelationshipClassification,
  type RelationshipClassifierInput,
  type RelationshipClassifierKind,
  type RelationshipClassifierOptions,
  type RelationshipExplanation,
  type RelationshipFactorContribution,
  type RelationshipLabelSource,
  type RelationshipModel,
} from './relationship-classifier.js';
export * from './prospect-resemblance.js';
