import { jest } from '@jest/globals'
import * as childProcess from 'node:child_process'

/**
 * Records the argv of every process the code under test starts (call before importing it), so a
 * test can prove no password or token is ever on a command line.
 */
export const spawned: string[][] = []
/** The processes themselves, so a test can prove a killed builder is gone. */
export const children: Array<{ argv: string[]; pid: number | undefined }> = []

/** True while the process with this pid exists (signal 0 only asks). */
export function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export function recordSpawns(): void {
  jest.unstable_mockModule('node:child_process', () => ({
    ...childProcess,
    spawn: (
      command: string,
      args: readonly string[] = [],
      options: childProcess.SpawnOptions = {}
    ) => {
      spawned.push([command, ...args])
      const child = childProcess.spawn(command, [...args], options)
      children.push({ argv: [command, ...args], pid: child.pid })
      return child
    }
  }))
}
