export * from './runtime'
export * from './context'
export * from './db'
export * from './issues'
