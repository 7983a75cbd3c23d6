export * from './report'
export * from './stats'
