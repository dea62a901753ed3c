export * from './contract'
export * from './structure'
