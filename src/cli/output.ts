/** Writes data to stdout as JSON (logs and errors go to stderr). */
export function printJson(value: unknown, pretty: boolean): void {
  process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`)
}
