// npm test and npm run test:unit: jest, with a bound on the whole run. Each test has jest's own
// testTimeout (60 s), but that cannot stop code that never yields (a synchronous loop in a hook)
// or a worker that never reports back; then jest waits forever, and so would CI. Past the bound
// this stops jest and everything it started (its process group: workers, builders, registries)
// and says so. Usage: node scripts/jest-watchdog.mjs <seconds> [jest arguments...]
// JEST_WATCHDOG_SECONDS overrides the bound (say, a much slower machine).
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const [limitArg, ...jestArgs] = process.argv.slice(2)
const limitSeconds = Number(process.env.JEST_WATCHDOG_SECONDS || limitArg)
if (!Number.isFinite(limitSeconds) || limitSeconds <= 0) {
  process.stderr.write('usage: node scripts/jest-watchdog.mjs <seconds> [jest arguments...]\n')
  process.exit(2)
}

const jest = createRequire(import.meta.url).resolve('jest/bin/jest')
const nodeOptions = [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean)
// Its own process group, so that the watchdog can stop all of it at once.
const child = spawn(process.execPath, [jest, ...jestArgs], {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, NODE_OPTIONS: nodeOptions.join(' ') }
})

function stopGroup(signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

let timedOut = false
const watchdog = setTimeout(() => {
  timedOut = true
  const minutes = (limitSeconds / 60).toFixed(1)
  process.stderr.write(
    `\njest-watchdog: the test run did not finish within ${limitSeconds} s (${minutes} min) and ` +
      'was stopped. A test or its cleanup never ends (no jest timeout can stop a loop that never ' +
      'yields). Run the suites one by one to find it: NODE_OPTIONS=--experimental-vm-modules ' +
      'npx jest <file>. On a much slower machine, JEST_WATCHDOG_SECONDS raises the bound.\n'
  )
  stopGroup('SIGTERM')
  setTimeout(() => stopGroup('SIGKILL'), 10_000).unref()
}, limitSeconds * 1000)

// A Ctrl-C reaches only the foreground group, which jest is not part of: pass it on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stopGroup(signal))
}

child.on('exit', (code, signal) => {
  clearTimeout(watchdog)
  // Whatever jest left running (a worker that failed to exit) goes with it.
  stopGroup('SIGKILL')
  if (timedOut) process.exit(124)
  process.exit(code ?? (signal ? 1 : 0))
})
