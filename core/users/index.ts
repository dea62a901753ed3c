export * from './vocab'
export * from './schemas'
export * from './contract'
