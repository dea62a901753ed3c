export * from './accounts'
export * from './ledger'
export * from './transfers'
export * from './invariants'
