/** @module ingest/feed/xml: one configured fast-xml-parser for OPML and sitemaps. */
import { XMLParser } from 'fast-xml-parser'

/** Elements that may repeat and must always come back as arrays. */
const ALWAYS_ARRAY = new Set(['outline', 'url', 'sitemap'])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true, // news:news → news, image:image → image
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ALWAYS_ARRAY.has(name),
})

/** A parsed XML tree of plain objects; throws on XML it cannot read at all. */
export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>
}

/** The text of a node that may be a string or `{ '#text': … }`. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim() || undefined
  if (typeof node === 'number') return String(node)
  if (node !== null && typeof node === 'object' && '#text' in node) return textOf(node['#text'])
  return undefined
}

/** A child object, or undefined. */
export function child(node: unknown, name: string): Record<string, unknown> | undefined {
  if (node === null || typeof node !== 'object') return undefined
  const value = (node as Record<string, unknown>)[name]
  if (Array.isArray(value)) return value[0] as Record<string, unknown> | undefined
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)
    : undefined
}

/** Child objects that repeat. */
export function children(node: unknown, name: string): Record<string, unknown>[] {
  if (node === null || typeof node !== 'object') return []
  const value = (node as Record<string, unknown>)[name]
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')
}

/** The text of a child element, or undefined. */
export function field(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined
  const value = (node as Record<string, unknown>)[name]
  return textOf(Array.isArray(value) ? value[0] : value)
}
