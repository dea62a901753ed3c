export * from './model'
export * from './code'
export * from './reconcile'
