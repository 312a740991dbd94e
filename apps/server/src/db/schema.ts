// Every domain's tables, for Drizzle (queries with relations) and drizzle-kit (migrations).
export * from '../modules/users/schema.js';
export * from '../modules/audit/schema.js';
export * from '../modules/accounts/schema.js';
export * from '../modules/contacts/schema.js';
export * from '../modules/products/schema.js';
export * from '../modules/orders/schema.js';
export * from '../modules/activities/schema.js';
export * from '../modules/leads/schema.js';
export * from '../modules/opportunities/schema.js';
export * from '../modules/contracts/schema.js';
export * from '../modules/payments/schema.js';
export * from '../modules/tickets/schema.js';
export * from '../modules/campaigns/schema.js';
export * from '../modules/imports/schema.js';
export * from '../modules/analytics/schema.js';
export * from '../modules/segments/schema.js';
export * from '../modules/propensity/schema.js';
