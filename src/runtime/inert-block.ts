import type { Toolkit } from '../toolkit.js'

/**
 * Writes lines we do not control (builder output) so that the runner runs none of them as a
 * workflow command: between `::stop-commands::TOKEN` and `::TOKEN::`. The token is random per
 * block, so the text cannot end the block early by printing it. Secrets are still masked inside.
 */
export function inertBlock(core: Pick<Toolkit, 'info'>, lines: readonly string[]): void {
  if (lines.length === 0) return
  // node:crypto on first use, as in workflow-commands.ts: a run without builds never loads it.
  const token = process.getBuiltinModule('node:crypto').randomUUID()
  core.info(`::stop-commands::${token}`)
  for (const line of lines) core.info(line)
  core.info(`::${token}::`)
}
