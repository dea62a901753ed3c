export * from './personas'
export * from './community'
