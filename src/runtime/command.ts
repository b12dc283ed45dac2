import { spawn } from 'node:child_process'

/**
 * Runs one external command (a builder, a registry login) without a shell. Secrets travel on
 * stdin, never in argv; the output is streamed line by line (for the log) and its tail kept (for
 * BUILD_FAILED details). The child is killed when the signal fires, so a timeout or a cancelled
 * run never leaves it behind.
 */
export interface CommandOptions {
  /** Written to the child's stdin, then closed (passwords for `login --password-stdin`). */
  stdin?: string
  env?: NodeJS.ProcessEnv
  cwd?: string
  signal?: AbortSignal
  onLine?: (line: string) => void
  /** How many of the last output lines to keep. Default 30. */
  tailLines?: number
}

export interface CommandResult {
  exitCode: number
  /** The last lines of stdout and stderr, interleaved as they came. */
  tail: string[]
}

export async function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {}
): Promise<CommandResult> {
  const keep = options.tailLines ?? 30
  const tail: string[] = []
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const onAbort = (): void => {
    child.kill('SIGTERM')
    // A builder that ignores SIGTERM (mid-layer commit) still has to go.
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
  }
  options.signal?.addEventListener('abort', onAbort, { once: true })

  const collect = (stream: NodeJS.ReadableStream): void => {
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split(/\r?\n/)
      partial = lines.pop() ?? ''
      for (const line of lines) record(line)
    })
    stream.on('end', () => {
      if (partial) record(partial)
    })
  }
  const record = (line: string): void => {
    tail.push(line)
    if (tail.length > keep) tail.shift()
    options.onLine?.(line)
  }
  collect(child.stdout)
  collect(child.stderr)
  child.stdin.on('error', () => undefined) // a child that exits before reading stdin
  child.stdin.end(options.stdin ?? '')

  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
    })
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted')
    return { exitCode, tail }
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
  }
}

/** True when `command` can be started and exits 0 (a probe: `buildah --version`). */
export async function commandWorks(command: string, args: readonly string[]): Promise<boolean> {
  try {
    const result = await runCommand(command, args, { signal: AbortSignal.timeout(15_000) })
    return result.exitCode === 0
  } catch {
    return false
  }
}
