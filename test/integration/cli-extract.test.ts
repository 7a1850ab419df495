/** `lede extract` on unusable input: a one-line error on stderr and a non-zero exit code. */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const MAIN = join(import.meta.dirname, '../../src/cli/main.ts')

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('lede extract on unusable input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-cli-'))
  const binary = join(dir, 'image.png')
  writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))
  const empty = join(dir, 'empty.html')
  writeFileSync(empty, '<html><body><nav><a href="/">Home</a></nav></body></html>')

  test.each([
    ['binary', [binary], /unsupported_content/],
    ['no article', [empty, '--format', 'html'], /no_main_content/],
    ['missing file', [join(dir, 'nope.html')], /cannot read/],
  ])('%s', async (_name, args, message) => {
    const r = await run(['extract', ...args])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(message)
  })
})
