// `node --import ./scripts/bench-loads.mjs ...`: appends the URL of every file module the process
// loads (entries, bundle chunks, imported on demand or not) to the file BENCH_LOADS names, so the
// bench can tell which chunks of dist/ a path reads. The same file is the hooks module: register()
// runs it again off the main thread, where it only exports the hook.
import { appendFileSync } from 'node:fs'
import { register } from 'node:module'
import { isMainThread } from 'node:worker_threads'

if (isMainThread) register(import.meta.url)

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && process.env.BENCH_LOADS) {
    appendFileSync(process.env.BENCH_LOADS, `${url}\n`)
  }
  return nextLoad(url, context)
}
