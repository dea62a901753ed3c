export * from './personas'
export * from './community'
export * from './seed-docs'
