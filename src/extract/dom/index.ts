/** @module extract/dom: the light document tree and the two parsers that build it. */
export * from './node.js'
export { type ParseOptions, type ParserName, parseHtml, utf8FromLatin1 } from './parse.js'
