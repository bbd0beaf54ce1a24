export * from './ranking.js';
export * from './deadline.js';
export * from './evidence-type.js';
export * from './round-input.js';
