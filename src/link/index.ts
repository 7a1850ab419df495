/** @module link: syndicated copies, stories across outlets, related articles. */
export { createLinker, Linker, type LinkerOptions } from './linker.js'
export * from './types.js'
