// npm run demo: the action end to end on this machine, the way a runner would run it. The example
// shop (three FROM-scratch services) is copied into a fresh git repository, built for linux/amd64
// and linux/arm64 with buildah and pushed to a docker-registry with htpasswd auth started here on
// 127.0.0.1. Then the outputs and the job summary are printed and the registry is stopped.
// Without buildah / docker-registry (and no root to apt-get them) it says what to install and
// runs a dry run instead.
import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

const root = resolve(import.meta.dirname, '..')
const entry = join(root, 'dist', 'index.js')
const post = join(root, 'dist', 'post.js')
const TOOLS = {
  buildah: 'buildah',
  'docker-registry': 'docker-registry',
  htpasswd: 'apache2-utils'
}

const has = tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
const missingTools = () => Object.keys(TOOLS).filter(tool => !has(tool))

function say(line = '') {
  process.stdout.write(`${line}\n`)
}

function ensureTools() {
  let missing = missingTools()
  if (missing.length === 0) return []
  const packages = [...new Set(missing.map(tool => TOOLS[tool]))]
  if (process.getuid?.() === 0 && has('apt-get')) {
    say(`Installing ${packages.join(' ')} with apt-get (missing: ${missing.join(', ')}) ...`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env })
    missing = missingTools()
  }
  if (missing.length > 0) {
    say(`Missing: ${missing.join(', ')}. To build and push for real, install them:`)
    say(`  sudo apt-get install -y ${packages.join(' ')}`)
    say('Falling back to dry_run: true (the plan is computed, nothing is built or pushed).')
  }
  return missing
}

async function freePort() {
  const server = createServer()
  await new Promise(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address()
  await new Promise(done => server.close(done))
  return port
}

async function startRegistry(dir, user, password) {
  const line = spawnSync('htpasswd', ['-inB', user], { input: password, encoding: 'utf8' })
  if (line.status !== 0) throw new Error(`htpasswd failed: ${line.stderr}`)
  writeFileSync(join(dir, 'htpasswd'), line.stdout)
  const port = await freePort()
  const config = join(dir, 'registry.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: {level: warn, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${join(dir, 'storage')}}}`,
      `http: {addr: "127.0.0.1:${port}"}`,
      `auth: {htpasswd: {realm: demo, path: ${join(dir, 'htpasswd')}}}`
    ].join('\n')
  )
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  child.stderr.on('data', chunk => (log += chunk))
  for (let i = 0; i < 200; i++) {
    const status = await fetch(`http://127.0.0.1:${port}/v2/`)
      .then(r => r.status)
      .catch(() => 0)
    if (status === 401) return { host: `127.0.0.1:${port}`, child }
    if (child.exitCode !== null) break
    await new Promise(done => setTimeout(done, 50))
  }
  child.kill()
  throw new Error(`docker-registry did not start:\n${log}`)
}

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout.trim()
}

/** The runner passes every input with its action.yml default; so does the demo. */
function inputDefaults() {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'))
  const env = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const value = String(input.default ?? '')
    env[`INPUT_${name.toUpperCase()}`] = value.includes('${{') ? '' : value
  }
  return env
}

/** GITHUB_OUTPUT / GITHUB_STATE files: `name<<DELIMITER`, the value, `DELIMITER`. */
function readCommandFile(file) {
  const values = {}
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      values[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return values
}

function cleanEnv() {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/.test(key)) env[key] = value
  }
  return env
}

async function main() {
  if (!existsSync(entry)) {
    say('dist/index.js is missing: run `npm run build` first.')
    process.exitCode = 1
    return
  }
  const dryRun = ensureTools().length > 0
  const work = mkdtempSync(join(tmpdir(), 'deploy-pipeline-demo-'))
  const workspace = join(work, 'shop')
  const runnerTemp = join(work, 'runner-temp')
  mkdirSync(runnerTemp)
  const user = 'demo'
  const password = `demo-${randomUUID()}`
  let registry
  try {
    if (!dryRun) {
      registry = await startRegistry(work, user, password)
      say(`docker-registry with htpasswd auth on ${registry.host}`)
    }
    const registrySpec = `${registry?.host ?? '127.0.0.1:5000'}/shop`
    cpSync(join(root, 'examples', 'shop'), workspace, { recursive: true })
    const configFile = join(workspace, '.github', 'deploy.yml')
    const config = readFileSync(configFile, 'utf8').replace(
      /^registry: .*$/m,
      `registry: ${registrySpec}`
    )
    writeFileSync(configFile, config)
    git(workspace, 'init', '-q', '-b', 'main')
    git(workspace, 'add', '-A')
    git(
      workspace,
      '-c',
      'user.name=Demo',
      '-c',
      'user.email=demo@example.com',
      'commit',
      '-qm',
      'feat: the example shop'
    )

    const files = {
      GITHUB_OUTPUT: 'output',
      GITHUB_STEP_SUMMARY: 'summary.md',
      GITHUB_STATE: 'state'
    }
    const env = {
      ...cleanEnv(),
      ...inputDefaults(),
      INPUT_ENVIRONMENT: 'dev',
      INPUT_REGISTRY: registrySpec,
      INPUT_REGISTRY_USERNAME: user,
      INPUT_REGISTRY_PASSWORD: password,
      INPUT_DRY_RUN: String(dryRun),
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'demo/shop',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_ACTOR: 'demo',
      RUNNER_TEMP: runnerTemp
    }
    for (const [name, file] of Object.entries(files)) {
      env[name] = join(runnerTemp, file)
      writeFileSync(env[name], '')
    }
    say(
      `\n$ node dist/index.js   (workspace ${workspace}, environment dev${dryRun ? ', dry run' : ''})\n`
    )
    const main = spawnSync(process.execPath, [entry], { cwd: workspace, env, stdio: 'inherit' })
    if (existsSync(post)) {
      const state = Object.fromEntries(
        Object.entries(readCommandFile(env.GITHUB_STATE)).map(([k, v]) => [`STATE_${k}`, v])
      )
      spawnSync(process.execPath, [post], {
        cwd: workspace,
        env: { ...env, ...state },
        stdio: 'inherit'
      })
    }
    const credentials = join(runnerTemp, 'deploy-pipeline-registry-auth')
    say(
      existsSync(credentials)
        ? `WARNING: ${credentials} is still there after the post step`
        : 'post step: registry credentials logged out and removed'
    )

    const outputs = readCommandFile(env.GITHUB_OUTPUT)
    say('\n=== outputs ===')
    for (const [name, value] of Object.entries(outputs)) {
      say(`${name}: ${name === 'plan' && value.length > 400 ? `${value.slice(0, 400)}...` : value}`)
    }
    if (registry && outputs.images) await showIndexes(JSON.parse(outputs.images), user, password)
    say('\n=== job summary ===')
    say(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'))
    const leaked = [
      readFileSync(env.GITHUB_OUTPUT, 'utf8'),
      readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')
    ].some(t => t.includes(password))
    if (leaked) say('WARNING: the registry password appears in the outputs or the summary')
    process.exitCode = main.status ?? 1
  } finally {
    if (registry) {
      registry.child.kill('SIGTERM')
      say('registry stopped')
    }
    rmSync(work, { recursive: true, force: true })
  }
}

/** Proof from the registry itself: each pushed tag is an index with both platforms. */
async function showIndexes(images, user, password) {
  say('\n=== in the registry ===')
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  for (const [service, reference] of Object.entries(images)) {
    const match = /^([^/]+)\/(.+):([^:@]+)@(sha256:[a-f0-9]+)$/.exec(reference)
    if (!match) continue
    const [, host, repository, tag] = match
    const response = await fetch(`http://${host}/v2/${repository}/manifests/${tag}`, {
      headers: { authorization: auth, accept: 'application/vnd.oci.image.index.v1+json' }
    })
    const index = await response.json()
    const platforms = (index.manifests ?? []).map(
      m => `${m.platform?.os}/${m.platform?.architecture}`
    )
    say(
      `${service}: ${response.headers.get('content-type')} ${response.headers.get('docker-content-digest')} [${platforms.join(', ')}]`
    )
  }
}

await main()
