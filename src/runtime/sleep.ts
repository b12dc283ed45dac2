import { setTimeout as delay } from 'node:timers/promises'

/** Waits `ms`, ending early (with an AbortError) when the signal fires. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(Math.max(0, ms), undefined, signal ? { signal } : undefined)
}

export type Sleep = typeof sleep
