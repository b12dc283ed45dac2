import { appendFileSync } from 'node:fs'

/**
 * Collects one benchmark's figures: prints them and appends them as one JSON line to
 * BENCH_RESULTS (set by scripts/bench.mjs), which prints the whole table at the end.
 */
export function recordBench(topic: string, figures: Record<string, number | string>): void {
  const line = JSON.stringify({ topic, figures })
  process.stdout.write(`bench ${line}\n`)
  const file = process.env.BENCH_RESULTS
  if (file) appendFileSync(file, `${line}\n`)
}
