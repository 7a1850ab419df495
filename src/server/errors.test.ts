import { HTTPException } from 'hono/http-exception'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { LedeError } from '../core/index.js'
import { STATUS_OF, toHttpError } from './errors.js'

describe('toHttpError', () => {
  test.each([
    ['not_found', 404],
    ['invalid_input', 400],
    ['blocked_address', 403],
    ['fetch_timeout', 504],
    ['too_large', 413],
    ['storage_failed', 503],
  ] as const)('LedeError %s → %i', (code, status) => {
    const out = toHttpError(new LedeError(code, 'why'))
    expect(out.status).toBe(status)
    expect(out.body).toEqual({ error: { code, message: 'why' } })
  })

  test('a zod error is invalid_input and names the field', () => {
    const r = z.object({ limit: z.number().max(5) }).safeParse({ limit: 9 })
    const out = toHttpError(r.error)
    expect(out.status).toBe(400)
    expect(out.body.error.code).toBe('invalid_input')
    expect(out.body.error.message).toMatch(/^limit: /)
  })

  test('an unknown error is a 500 that hides its message', () => {
    const out = toHttpError(new Error('secret path /etc/x'))
    expect(out).toEqual({
      status: 500,
      body: { error: { code: 'internal', message: 'internal error' } },
      unexpected: true,
    })
  })

  test('an HTTPException keeps its status', () => {
    expect(toHttpError(new HTTPException(413, { message: 'big' })).body.error.code).toBe(
      'too_large',
    )
  })

  test('every code has a status', () => {
    for (const status of Object.values(STATUS_OF)) expect(status).toBeGreaterThanOrEqual(400)
  })
})
