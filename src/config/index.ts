/** @module config: one typed Config, loaded once by the composition roots (cli, server). */
export type { ConfigOverrides } from './load.js'
export { describeConfig, loadConfig } from './load.js'
export type { Config, LogLevel, OptionSpec } from './schema.js'
export { LOG_LEVELS, OPTIONS } from './schema.js'
