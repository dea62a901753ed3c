export * from './define'
export * from './errors'
export * from './roles'
