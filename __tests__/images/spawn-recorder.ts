import { jest } from '@jest/globals'
import * as childProcess from 'node:child_process'

/**
 * Records the argv of every process the code under test starts (call before importing it), so a
 * test can prove no password or token is ever on a command line.
 */
export const spawned: string[][] = []

export function recordSpawns(): void {
  jest.unstable_mockModule('node:child_process', () => ({
    ...childProcess,
    spawn: (
      command: string,
      args: readonly string[] = [],
      options: childProcess.SpawnOptions = {}
    ) => {
      spawned.push([command, ...args])
      return childProcess.spawn(command, [...args], options)
    }
  }))
}
