// Not re-exported from src/core/index.ts: the server bundle has no use for reports and must not grow.
export * from './document';
export * from './build';
export * from './assessment';
export * from './feedback';
export * from './tables';
export * from './sheet';
export { ruleLabeller } from './rules';
