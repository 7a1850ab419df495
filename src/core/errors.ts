/**
 * @module Errors: expected outcomes are Result values; failures that cross a boundary
 * (network, storage, oversize input) are a LedeError with a code and a retry hint.
 */

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'no_main_content'
  | 'unsupported_content'
  | 'fetch_failed'
  | 'fetch_timeout'
  | 'http_status'
  | 'too_large'
  | 'too_many_redirects'
  | 'invalid_feed'
  | 'blocked_address'
  | 'robots_disallowed'
  | 'storage_failed'

export interface ErrorDetail {
  retryAfterMs?: number
  status?: number
  url?: string
}

export class LedeError extends Error {
  override readonly name = 'LedeError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail: ErrorDetail = {},
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

export const isLedeError = (e: unknown): e is LedeError => e instanceof LedeError
