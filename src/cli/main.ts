#!/usr/bin/env node
/**
 * @module cli: argv → command. The outermost composition root; one file per command in
 * commands/. Data goes to stdout, logs and errors to stderr. Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { Command, CommanderError } from 'commander'
import { registerAnalyze } from './commands/analyze.js'
import { registerExtract } from './commands/extract.js'
import { registerIngest } from './commands/ingest.js'
import { registerSearch } from './commands/search.js'
import { registerServe } from './commands/serve.js'
import { registerSources } from './commands/sources.js'
import { registerStories } from './commands/stories.js'
import { VERSION } from './version.js'

export function buildProgram(): Command {
  const program = new Command()
    .name('lede')
    .description('Lede: clean articles, their cast, quotes and stories, from news as it arrives.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
  registerExtract(program)
  registerAnalyze(program)
  registerIngest(program)
  registerSearch(program)
  registerSources(program)
  registerServe(program)
  registerStories(program)
  return program
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0
      return 2
    }
    process.stderr.write(`lede: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

// A reader that stops early (`lede stories | head -1`) closes the pipe: that is no failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})
const code = await main(process.argv)
process.exitCode = code
