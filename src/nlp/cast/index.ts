/**
 * @module nlp/cast: the cast list (in-document coreference): one entity per real-world
 * referent, with its names, descriptions and the pronouns and role references that point at it.
 * `buildCast` makes it from the tagger's mentions; the lookup helpers let nlp/quotes resolve a
 * speaker ("he", "the French leader", "Macron's aide") to a member.
 */
export { buildCast } from './build.js'
export type { Cast, CastInput, MemberInfo } from './build.js'
export { type CastIndex, createCastIndex } from './lookup.js'
export { findMentionsByRule } from './rule-mentions.js'
export type { Role } from './roles.js'
