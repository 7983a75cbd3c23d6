export * from './processes'
export * from './report'
export * from './stats'
