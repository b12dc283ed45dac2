import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildahBuildArgs, buildahPushArgs, localListName } from '../../src/builders/buildah.js'
import {
  buildxArgs,
  createBuildx,
  missingEmulators,
  parseBuildxInspect,
  type BuildxInputs
} from '../../src/builders/buildx.js'
import { chooseBuilder, type BuilderProbe } from '../../src/builders/choose.js'
import type { BuildJob, Builder, RunControl } from '../../src/builders/types.js'
import {
  CREDENTIALS_REFUSED,
  loginArgs,
  pushRefusedMessage,
  type PushRefusal
} from '../../src/clients/registry-auth.js'
import { DeployError } from '../../src/errors.js'
import { asBuilderError } from '../../src/phases/image-build.js'
import { CommandFailure } from '../../src/builders/types.js'
import { waitUntil } from '../fixtures/wait.js'

/** The builders' command lines are pure functions of the job: table tests, no engine needed. */
const base: BuildxInputs = {
  service: 'api',
  reference: 'ghcr.io/acme/api:v1.0.0',
  context: '/w/api',
  dockerfile: '/w/api/Dockerfile',
  target: undefined,
  args: {},
  platforms: ['linux/amd64', 'linux/arm64'],
  labels: {},
  timestamp: undefined,
  insecure: false,
  authFile: '/t/auth/config.json',
  workDir: '/t/images/api',
  cache: 'none',
  cacheReference: 'ghcr.io/acme/api:buildcache',
  provenance: false,
  sbom: false,
  push: true,
  builder: undefined,
  metadataFile: '/t/images/api/buildx-metadata.json'
}

const TAIL = ['--metadata-file', '/t/images/api/buildx-metadata.json', '/w/api']
const HEAD = [
  'buildx',
  'build',
  '--platform',
  'linux/amd64,linux/arm64',
  '--file',
  '/w/api/Dockerfile'
]
const OUT = ['--provenance=false', '--output', 'type=image,name=ghcr.io/acme/api:v1.0.0,push=true']

describe('buildxArgs', () => {
  // prettier-ignore
  it.each<[string, Partial<BuildxInputs>, string[]]>([
    ['the minimum', {}, [...HEAD, ...OUT, ...TAIL]],
    ['one platform', { platforms: ['linux/arm64'] }, [...HEAD.slice(0, 3), 'linux/arm64', ...HEAD.slice(4), ...OUT, ...TAIL]],
    ['a builder of the job', { builder: 'deploy-pipeline' }, ['buildx', 'build', '--builder', 'deploy-pipeline', ...HEAD.slice(2), ...OUT, ...TAIL]],
    ['target and build args', { target: 'runtime', args: { NODE_ENV: 'production', A: 'b=c' } }, [...HEAD, '--target', 'runtime', '--build-arg', 'NODE_ENV=production', '--build-arg', 'A=b=c', ...OUT, ...TAIL]],
    ['a timestamp becomes SOURCE_DATE_EPOCH', { timestamp: 1700000000 }, [...HEAD, '--build-arg', 'SOURCE_DATE_EPOCH=1700000000', ...OUT, ...TAIL]],
    ['an explicit SOURCE_DATE_EPOCH wins', { timestamp: 1, args: { SOURCE_DATE_EPOCH: '5' } }, [...HEAD, '--build-arg', 'SOURCE_DATE_EPOCH=5', ...OUT, ...TAIL]],
    [
      'OCI labels',
      { labels: { 'org.opencontainers.image.source': 'https://github.com/acme/shop', 'org.opencontainers.image.revision': 'abc123' } },
      [...HEAD, '--label', 'org.opencontainers.image.source=https://github.com/acme/shop', '--label', 'org.opencontainers.image.revision=abc123', ...OUT, ...TAIL]
    ],
    [
      'registry cache',
      { cache: 'registry' },
      [
        ...HEAD,
        '--cache-from', 'type=registry,ref=ghcr.io/acme/api:buildcache',
        '--cache-to', 'type=registry,ref=ghcr.io/acme/api:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true',
        ...OUT, ...TAIL
      ]
    ],
    [
      'registry cache on an insecure registry',
      { cache: 'registry', insecure: true, reference: '10.0.0.5:5000/api:v1', cacheReference: '10.0.0.5:5000/api:buildcache' },
      [
        ...HEAD,
        '--cache-from', 'type=registry,ref=10.0.0.5:5000/api:buildcache,registry.insecure=true',
        '--cache-to', 'type=registry,ref=10.0.0.5:5000/api:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true,registry.insecure=true',
        '--provenance=false', '--output', 'type=image,name=10.0.0.5:5000/api:v1,push=true,registry.insecure=true',
        ...TAIL
      ]
    ],
    ['gha cache, scoped per service', { cache: 'gha' }, [...HEAD, '--cache-from', 'type=gha,scope=api', '--cache-to', 'type=gha,mode=max,scope=api,ignore-error=true', ...OUT, ...TAIL]],
    ['provenance', { provenance: true }, [...HEAD, '--provenance=mode=max', ...OUT.slice(1), ...TAIL]],
    ['sbom', { sbom: true }, [...HEAD, '--provenance=false', '--sbom=true', ...OUT.slice(1), ...TAIL]],
    ['build without push (immutable tag present)', { push: false }, [...HEAD, '--provenance=false', '--output', 'type=image,name=ghcr.io/acme/api:v1.0.0,push=false', ...TAIL]],
    ['a build job: by digest, no tag, OCI', { byDigest: true }, [...HEAD, '--provenance=false', '--output', 'type=image,name=ghcr.io/acme/api,push-by-digest=true,name-canonical=true,oci-mediatypes=true,push=true', ...TAIL]]
  ])('%s', (_name, inputs, expected) => {
    expect(buildxArgs({ ...base, ...inputs })).toEqual(expected)
  })
})

describe('buildx preparation (a stand-in docker CLI on PATH)', () => {
  const native = `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`
  let dir: string
  let builder: Builder
  const savedPath = process.env.PATH
  const calls = async (): Promise<string[]> =>
    (await readFile(join(dir, 'calls'), 'utf8').catch(() => '')).split('\n').filter(Boolean)
  const job = (service: string, platforms: string[]): BuildJob => ({
    ...base,
    service,
    platforms,
    workDir: join(dir, 'work', service)
  })
  const run = (signal = new AbortController().signal): RunControl => ({
    signal,
    onLine: () => undefined
  })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'buildx-'))
    // Answers like a docker-container builder that runs only this machine's platform; the first
    // inspect hangs when told to (a bootstrap that never ends), until it is killed.
    const docker = [
      '#!/bin/sh',
      `printf '%s\\n' "$*" >> '${dir}/calls'`,
      'case "$*" in',
      '  "buildx inspect --bootstrap"*)',
      `    if [ -e '${dir}/hang-once' ]; then rm '${dir}/hang-once'; exec sleep 30; fi`,
      `    printf 'Name: ci\\nDriver: docker-container\\nPlatforms: ${native}\\n' ;;`,
      'esac'
    ].join('\n')
    await mkdir(join(dir, 'bin'))
    await writeFile(join(dir, 'bin', 'docker'), `${docker}\n`, { mode: 0o755 })
    process.env.PATH = `${join(dir, 'bin')}:${savedPath}`
    builder = createBuildx(dir)
  })
  afterEach(async () => {
    process.env.PATH = savedPath
    await rm(dir, { recursive: true, force: true })
  })

  it("prepares for the union of every job's platforms, not the first job's", async () => {
    await Promise.all([
      builder.build(job('api', [native]), run()),
      builder.build(job('web', [native, 'linux/riscv64']), run())
    ])
    const made = await calls()
    expect(made).toContain('run --privileged --rm tonistiigi/binfmt --install riscv64')
    expect(made.filter(c => c.startsWith('buildx build')).map(c => c.split(' ')[3])).toEqual(
      expect.arrayContaining([native, `${native},linux/riscv64`])
    )
  })

  it('a job stopped during preparation does not fail the job that waited for it', async () => {
    await writeFile(join(dir, 'hang-once'), '')
    const stopped = new AbortController()
    const first = builder.build(job('api', [native]), run(stopped.signal)).catch((e: unknown) => e)
    await waitUntil('the first bootstrap', async () =>
      (await calls()).some(c => c.startsWith('buildx inspect --bootstrap'))
    )
    const second = builder.build(job('web', [native]), run())
    stopped.abort(new Error('deadline of api'))
    expect(await first).toMatchObject({ message: 'deadline of api' })
    await second
    const made = await calls()
    expect(made.filter(c => c.startsWith('buildx inspect --bootstrap'))).toHaveLength(2)
    expect(made.filter(c => c.startsWith('buildx build'))).toHaveLength(1)
  })
})

describe('buildah command lines', () => {
  it('names the local list after the service, the tag and the job', () => {
    expect(localListName(base)).toMatch(/^localhost\/deploy-pipeline-api:v1\.0\.0-[0-9a-f]{8}$/)
    expect(localListName({ ...base, workDir: '/other/job' })).not.toBe(localListName(base))
  })
  // prettier-ignore
  it('builds a platform into the local list, stamped and labelled', () => {
    expect(buildahBuildArgs({ ...base, target: 't', args: { A: '1' }, labels: { l: 'v' }, timestamp: 42 }, 'linux/arm64')).toEqual([
      'build', '--isolation', 'chroot', '--platform', 'linux/arm64',
      '--manifest', localListName(base), '--file', '/w/api/Dockerfile',
      '--target', 't', '--build-arg', 'A=1', '--label', 'l=v', '--timestamp', '42', '/w/api'
    ])
  })
  // prettier-ignore
  it('pushes the list with every image, as OCI, with the per-job auth file', () => {
    expect(buildahPushArgs({ ...base, insecure: true }, '/t/digest')).toEqual([
      'manifest', 'push', '--all', '--format', 'oci', '--digestfile', '/t/digest',
      '--authfile', '/t/auth/config.json', '--tls-verify=false',
      localListName(base), 'docker://ghcr.io/acme/api:v1.0.0'
    ])
  })
})

describe('loginArgs', () => {
  const login = {
    host: '127.0.0.1:5000',
    username: 'ci',
    password: 's3cret-password',
    insecure: true
  }
  it.each([
    [
      'buildah',
      [
        'login',
        '--authfile',
        '/a/config.json',
        '--username',
        'ci',
        '--password-stdin',
        '--tls-verify=false',
        '127.0.0.1:5000'
      ]
    ],
    ['docker', ['login', '--username', 'ci', '--password-stdin', '127.0.0.1:5000']]
  ] as const)('%s reads the password from stdin', (tool, expected) => {
    const args = loginArgs(tool, login, '/a/config.json')
    expect(args).toEqual(expected)
    expect(args.join(' ')).not.toContain(login.password)
  })
})

describe('CREDENTIALS_REFUSED', () => {
  it.each([
    [
      'Error: authenticating creds for "127.0.0.1:5000": unauthorized: authentication required',
      true
    ],
    ['error parsing HTTP 401 response body', true],
    ['denied: requested access to the resource is denied', true],
    [
      'unexpected status from PUT request to https://ghcr.io/v2/a/manifests/v1: 403 Forbidden',
      true
    ],
    ['server message: insufficient_scope: authorization failed', true],
    ['Copying blob sha256:3551b17716544d1494d6b9ded7f0f21d401c', false],
    ['Writing manifest list to image destination', false]
  ])('%s -> %s', (line, refused) => {
    expect(CREDENTIALS_REFUSED.test(line)).toBe(refused)
  })
})

describe('a refused push, told apart from a failed build', () => {
  const refused = (status?: number) => `refused${status ? ` ${status}` : ''}`
  // prettier-ignore
  it.each<[string, 'BUILD_FAILED' | 'PUSH_FAILED', string[], string]>([
    ['buildx: the registry refused the upload', 'BUILD_FAILED', ['#12 exporting to image', 'ERROR: failed to solve: failed to push ghcr.io/a/b:v1: unexpected status from POST request to https://ghcr.io/v2/a/b/blobs/uploads/: 403 Forbidden'], 'REGISTRY_AUTH_FAILED: refused 403'],
    ['buildx: older wording, pushing layers', 'BUILD_FAILED', ['#12 pushing layers 1.5s done', '#12 ERROR: unexpected status: 401 Unauthorized'], 'REGISTRY_AUTH_FAILED: refused 401'],
    ['buildx: the base image was refused, nothing pushed', 'BUILD_FAILED', ['ERROR: failed to solve: private/base:1: failed to authorize: 401 Unauthorized'], 'BUILD_FAILED: Building api failed (docker buildx exited with 1).'],
    ['buildah push: denied', 'PUSH_FAILED', ['Error: writing blob: initiating layer upload to /v2/a/blobs/uploads/ in ghcr.io: denied: permission_denied: write_package'], 'REGISTRY_AUTH_FAILED: refused'],
    ['buildah push: a network failure', 'PUSH_FAILED', ['Error: writing blob: connection reset by peer'], 'PUSH_FAILED: Building api failed (docker buildx exited with 1).']
  ])('%s', (_name, code, tail, expected) => {
    const error = asBuilderError(new CommandFailure('docker buildx', 1, tail), code, 'Building api failed', refused)
    expect(`${error.code}: ${error.message}`).toBe(expected)
    expect(error.details).toBe(tail.join('\n'))
  })

  const at: Omit<PushRefusal, 'kind' | 'anonymous'> = {
    host: 'r.example',
    repository: 'shop/api',
    tag: 'v1',
    status: 403
  }
  // prettier-ignore
  it.each<[PushRefusal['kind'], boolean, string]>([
    ['ghcr', false, 'r.example refused the push of shop/api:v1 (HTTP 403): github_token needs packages: write (add `permissions: packages: write` to the job; a package that already exists must also give this repository write access in the package\'s settings).'],
    ['ecr', false, 'r.example refused the push of shop/api:v1 (HTTP 403): the AWS role needs ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:BatchCheckLayerAvailability on shop/api.'],
    ['host', false, 'r.example refused the push of shop/api:v1 (HTTP 403): the registry_username account needs push permission on shop/api.'],
    ['host', true, 'r.example refused the push of shop/api:v1 (HTTP 403): it takes no anonymous push; set registry_username and registry_password.']
  ])('a refusal by a %s registry (anonymous: %s) names the registry and the permission', (kind, anonymous, expected) => {
    expect(pushRefusedMessage({ ...at, kind, anonymous })).toBe(expected)
  })
})

describe('parseBuildxInspect', () => {
  it('reads the driver and the platforms', () => {
    const text = [
      'Name:          default',
      'Driver:        docker',
      'Nodes:',
      'Name:      default',
      'Status:    running',
      'Platforms: linux/amd64, linux/amd64/v2, linux/386*'
    ].join('\n')
    expect(parseBuildxInspect(text)).toEqual({
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/386']
    })
  })
  it('names the architectures that need emulation', () => {
    const native = process.arch === 'x64' ? 'linux/amd64' : `linux/${process.arch}`
    expect(missingEmulators([native, 'linux/riscv64'], [native])).toEqual(['riscv64'])
    expect(missingEmulators([native, 'linux/riscv64'], [native, 'linux/riscv64'])).toEqual([])
  })
})

describe('chooseBuilder', () => {
  const probe = (buildx: boolean, buildah: boolean): BuilderProbe => ({
    buildx: async () => buildx,
    buildah: async () => buildah
  })
  it.each([
    ['auto', true, true, 'buildx'],
    ['auto', false, true, 'buildah'],
    ['buildah', true, true, 'buildah'],
    ['buildx', true, false, 'buildx']
  ] as const)(
    '%s with buildx=%s buildah=%s picks %s and says why',
    async (requested, buildx, buildah, expected) => {
      const choice = await chooseBuilder(requested, probe(buildx, buildah))
      expect(choice.name).toBe(expected)
      expect(choice.reason).toContain(expected)
    }
  )
  it.each([
    ['auto', false, false],
    ['buildx', false, true],
    ['buildah', true, false]
  ] as const)(
    '%s with buildx=%s buildah=%s is BUILD_FAILED saying what to install',
    async (requested, buildx, buildah) => {
      const error = (await chooseBuilder(requested, probe(buildx, buildah)).catch(
        (e: unknown) => e
      )) as DeployError
      expect(error.code).toBe('BUILD_FAILED')
      expect(error.message).toMatch(/install/)
    }
  )
})
