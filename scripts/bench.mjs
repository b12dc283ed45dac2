// npm run bench: the figures behind the speed budgets, each against a baseline measured in the
// same run (these machines are noisy, so absolute numbers mean little). Prints a table; asserts
// nothing.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const runs = Number(process.env.BENCH_RUNS || 15)
const figures = []

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function timeMs(command, args, options) {
  const started = process.hrtime.bigint()
  const result = spawnSync(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
  }
  return elapsed
}

function directorySize(dir) {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? directorySize(path) : statSync(path).size
  }
  return total
}

/**
 * Startup to plan: dry runs of the example with dist/index.js, against bare `node -e 0`, runs
 * interleaved so that load on the machine hits every command alike. The budgeted figure is the
 * scheduled dev run (timestamp tag, UTC); the others show what a git tag (git reads) and a time
 * zone (ICU data) add.
 */
function benchStartup() {
  const work = mkdtempSync(join(tmpdir(), 'deploy-pipeline-bench-'))
  cpSync(join(root, 'examples/shop'), work, { recursive: true })
  const git = args =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=b@e', ...args], { cwd: work })
  git(['init', '-q'])
  git(['add', '-A'])
  git(['commit', '-qm', 'feat: bench'])
  const outputFile = join(work, '.output')
  const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: work, encoding: 'utf8' }).trim()
  // What the runner sets for a scheduled run: with GITHUB_SHA given, no git process is started.
  const base = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_SHA: sha,
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: join(work, '.tmp'),
    INPUT_DRY_RUN: 'true'
  }
  const scenarios = {
    'scheduled dev run (budget)': base,
    'with create_tag (reads tags and commits)': { ...base, INPUT_CREATE_TAG: 'true' },
    'with timezone Asia/Seoul': { ...base, INPUT_TIMEZONE: 'Asia/Seoul' }
  }
  const action = join(root, 'dist/index.js')
  const times = { bare: [], ...Object.fromEntries(Object.keys(scenarios).map(name => [name, []])) }
  writeFileSync(outputFile, '')
  timeMs(process.execPath, [action], { env: base }) // warm the file cache
  for (let i = 0; i < runs; i++) {
    times.bare.push(timeMs(process.execPath, ['-e', '0'], { env: base }))
    for (const [name, env] of Object.entries(scenarios)) {
      writeFileSync(outputFile, '')
      times[name].push(timeMs(process.execPath, [action], { env }))
    }
  }
  const status = /status<<.*\n(.*)\n/.exec(readFileSync(outputFile, 'utf8'))?.[1]
  rmSync(work, { recursive: true, force: true })
  const bareMs = median(times.bare)
  const result = { runs, 'node -e 0, median ms': bareMs.toFixed(1) }
  for (const name of Object.keys(scenarios)) {
    const ms = median(times[name])
    result[`${name}: ms over bare node`] = (ms - bareMs).toFixed(1)
    result[`${name}: ratio to bare node`] = (ms / bareMs).toFixed(2)
  }
  result['dry run status'] = status ?? '?'
  result['dist/lib/index.js kB'] = (statSync(join(root, 'dist/lib/index.js')).size / 1024).toFixed(
    0
  )
  result['dist/ total kB'] = (directorySize(join(root, 'dist')) / 1024).toFixed(0)
  figures.push({ topic: 'startup (budget: 100 ms over bare node)', figures: result })
}

/** Each capability's bench/*.bench.ts, run by jest with the test transform. */
function benchCapabilities() {
  const results = join(mkdtempSync(join(tmpdir(), 'deploy-pipeline-bench-')), 'results.ndjson')
  writeFileSync(results, '')
  const filter = process.argv.slice(2)
  const jest = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      join(root, 'node_modules/jest/bin/jest.js'),
      '-c',
      'jest.bench.config.js',
      ...filter
    ],
    {
      cwd: root,
      env: { ...process.env, BENCH_RESULTS: results },
      stdio: ['ignore', 'inherit', 'inherit']
    }
  )
  for (const line of readFileSync(results, 'utf8').split('\n').filter(Boolean))
    figures.push(JSON.parse(line))
  return jest.status ?? 1
}

benchStartup()
const status = process.env.BENCH_STARTUP_ONLY ? 0 : benchCapabilities()
console.log('\nDeploy Pipeline benchmarks\n')
for (const { topic, figures: values } of figures) {
  console.log(`${topic}`)
  for (const [name, value] of Object.entries(values)) console.log(`  ${name.padEnd(60)} ${value}`)
}
process.exitCode = status
