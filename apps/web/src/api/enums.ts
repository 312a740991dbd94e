/** Enumerations the API uses; their labels live in i18n under `enums.<name>.<value>`. */
export const accountKinds = ['person', 'organisation'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const customerTypes = ['consumer', 'intermediary', 'public_interest', 'internal'] as const;
export type CustomerType = (typeof customerTypes)[number];

export const relationshipLevels = ['basic', 'reactive', 'accountable', 'proactive', 'partnership'] as const;
export type RelationshipLevel = (typeof relationshipLevels)[number];

export const roles = ['admin', 'manager', 'sales', 'service', 'analyst'] as const;
export type Role = (typeof roles)[number];

export const activityTypes = ['call_in', 'call_out', 'email', 'visit', 'meeting', 'note', 'task'] as const;
export type ActivityType = (typeof activityTypes)[number];

export const orderStatuses = ['completed', 'cancelled', 'returned', 'open'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const importKinds = ['accounts', 'products', 'orders', 'tickets', 'referrals', 'suggestions', 'income'] as const;
export type ImportKind = (typeof importKinds)[number];

export const auditActions = ['create', 'update', 'delete', 'restore', 'import'] as const;
export type AuditAction = (typeof auditActions)[number];

/** Customer-value scores of an analytics snapshot (labels under `enums.rfmSegment` etc.). */
export const rfmSegments = [
  'champions',
  'loyal',
  'potential-loyalists',
  'new-customers',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cannot-lose-them',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof rfmSegments)[number];

export const valueTiers = ['vip', 'major', 'ordinary', 'small'] as const;
export type ValueTier = (typeof valueTiers)[number];

export const lifecycleStages = ['exploration', 'formation', 'stability', 'decline'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const abcClasses = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof abcClasses)[number];

export const analyticsRunStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type AnalyticsRunStatus = (typeof analyticsRunStatuses)[number];
