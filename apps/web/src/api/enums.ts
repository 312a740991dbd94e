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

export const importKinds = ['accounts', 'products', 'orders'] as const;
export type ImportKind = (typeof importKinds)[number];

export const auditActions = ['create', 'update', 'delete', 'restore', 'import'] as const;
export type AuditAction = (typeof auditActions)[number];
