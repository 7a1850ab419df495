/** @module core: the shared vocabulary of every stage. Imports nothing else from src/. */
export * from './annotations.js'
export * from './article.js'
export * from './errors.js'
export * from './random.js'
export * from './raw-document.js'
export * from './result.js'
