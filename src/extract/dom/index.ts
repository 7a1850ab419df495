/** @module extract/dom: the light document tree and the two parsers that build it. */
export * from './node.js'
export { parseHtml, type ParserName } from './parse.js'
