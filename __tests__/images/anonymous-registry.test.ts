import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import type { RegistrySettings } from '../../src/settings/types.js'
import {
  requireRegistryTools,
  startAnonymousRegistry,
  type LocalRegistry
} from '../simulators/registry.js'
import { hostRegistry, makeContext, tempDir, type ServiceSpec } from './fixtures.js'
import { isManifestPut, startRegistryProxy, type RegistryProxy } from './registry-proxy.js'
import { recordSpawns, spawned } from './spawn-recorder.js'

/**
 * A registry without authentication, as a `registry:2` service container or a mirror on the
 * runner's network is run: Debian's docker-registry without htpasswd. Nothing is logged in to;
 * buildah, and buildx, push anonymously, and the digest is read back from the registry. Behind a
 * proxy that takes the layers but refuses the manifests with 403, the push is
 * REGISTRY_AUTH_FAILED, saying which registry refused and what to set.
 */
recordSpawns()
const image = await import('../../src/phases/image.js')

const run = requireRegistryTools('anonymous registry push')
const maybe = run ? describe : describe.skip

const INDEX = 'application/vnd.oci.image.index.v1+json'
const denied = {
  kind: 'status',
  status: 403,
  body: { errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }
} as const

/**
 * `docker` with buildx, for a machine without a Docker engine: buildx's commands are carried out
 * by buildah, with the credentials read from $DOCKER_CONFIG/config.json as docker reads them (no
 * file: no credentials). Where buildah is silent about a refused manifest, this prints what buildx
 * prints for a 403 and fails, as buildx does.
 */
const STAND_IN_DOCKER = `#!/bin/sh
printf '%s\\n' "DOCKER_CONFIG=$DOCKER_CONFIG $*" >> "$STAND_IN_CALLS"
case "$1 $2" in
  "buildx version") echo "github.com/docker/buildx stand-in"; exit 0 ;;
  "info --format") echo "stand-in"; exit 0 ;;
  "buildx inspect") printf 'Name: stand-in\\nDriver: docker-container\\nPlatforms: linux/amd64, linux/arm64\\n'; exit 0 ;;
  "buildx build") shift 2 ;;
  *) echo "stand-in docker: unexpected: $*" >&2; exit 2 ;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    --platform) platforms=$2; shift 2 ;;
    --file) file=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --metadata-file) metadata=$2; shift 2 ;;
    --build-arg|--label|--target|--cache-from|--cache-to|--builder) shift 2 ;;
    --*) shift ;;
    *) context=$1; shift ;;
  esac
done
name=$(printf '%s' "$output" | sed -n 's/.*name=\\([^,]*\\).*/\\1/p')
tls=--tls-verify=true
case "$output" in *registry.insecure=true*) tls=--tls-verify=false ;; esac
auth=
[ -f "$DOCKER_CONFIG/config.json" ] && auth="--authfile=$DOCKER_CONFIG/config.json"
list="localhost/buildx-stand-in-$$"
for platform in $(printf '%s' "$platforms" | tr ',' ' '); do
  buildah build --isolation chroot --platform "$platform" --manifest "$list" --file "$file" "$context" || exit 1
done
digestfile="$metadata.digest"
buildah manifest push --all --format oci --digestfile "$digestfile" $auth $tls "$list" "docker://$name" || exit 1
buildah manifest rm "$list" >/dev/null
if [ ! -s "$digestfile" ]; then
  echo "ERROR: failed to solve: failed to push $name: unexpected status from PUT request to http://$name: 403 Forbidden"
  exit 1
fi
printf '{"containerimage.digest":"%s"}\\n' "$(cat "$digestfile")" > "$metadata"
`

maybe('images: a registry without authentication', () => {
  let registry: LocalRegistry
  let proxy: RegistryProxy

  beforeAll(async () => {
    registry = await startAnonymousRegistry()
    proxy = await startRegistryProxy(registry)
  })
  afterAll(async () => {
    await proxy?.close()
    await registry?.stop()
  })
  beforeEach(() => {
    proxy.server.faults.clear()
    spawned.length = 0
  })

  const api = (registrySettings: RegistrySettings, tag: string, repository = 'shop/api') =>
    [{ name: 'api', registry: registrySettings, repository, tag, action: 'build' }] as ServiceSpec[]

  /** The digest the registry itself holds for the tag. */
  async function digestOf(repository: string, tag: string): Promise<string> {
    const response = await registry.api(`/v2/${repository}/manifests/${tag}`, {
      method: 'HEAD',
      headers: { accept: INDEX }
    })
    expect(response.status).toBe(200)
    return response.headers.get('docker-content-digest') ?? ''
  }

  async function refusal(
    services: ServiceSpec[],
    options: { builder?: 'buildah' | 'buildx'; githubToken?: string } = {}
  ): Promise<DeployError> {
    const { ctx } = makeContext({
      services,
      runnerTemp: await tempDir(),
      images: { builder: options.builder ?? 'buildah' },
      githubToken: options.githubToken
    })
    const error = await image
      .runBuildPhase(ctx)
      .then(() => image.runPushPhase(ctx))
      .then(
        () => undefined,
        (e: unknown) => e
      )
    expect(error).toBeInstanceOf(DeployError)
    return error as DeployError
  }

  it('buildah pushes with no credentials: nothing logged in to, the digest read back', async () => {
    const runnerTemp = await tempDir()
    const { ctx } = makeContext({
      services: api(hostRegistry(registry.host), 'dev-anon'),
      runnerTemp
    })
    await image.runBuildPhase(ctx)
    await image.runPushPhase(ctx)
    const digest = await digestOf('shop/api', 'dev-anon')
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(ctx.state.images.api).toBe(`${registry.host}/shop/api:dev-anon@${digest}`)
    expect(spawned.filter(argv => argv.includes('login'))).toEqual([])
    // The auth file the push names exists, and holds no one's credentials.
    const authFile = join(runnerTemp, 'deploy-pipeline-registry-auth', 'config.json')
    const push = spawned.find(argv => argv[1] === 'manifest' && argv[2] === 'push')
    expect(push).toEqual(expect.arrayContaining(['--authfile', authFile]))
    expect(JSON.parse(await readFile(authFile, 'utf8'))).toEqual({ auths: {} })
  })

  it('a refused anonymous push is REGISTRY_AUTH_FAILED, saying to set credentials', async () => {
    proxy.server.faults.inject(denied, { match: isManifestPut, times: 10 })
    const error = await refusal(api(hostRegistry(proxy.host), 'dev-denied'))
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(error.message).toBe(
      `${proxy.host} refused the push of shop/api:dev-denied (HTTP 403): it takes no anonymous ` +
        'push; set registry_username and registry_password.'
    )
  })

  it('on GHCR, a refused push names the permission: packages: write', async () => {
    proxy.server.faults.inject(denied, { match: isManifestPut, times: 10 })
    const ghcr: RegistrySettings = {
      kind: 'ghcr',
      host: proxy.host,
      namespace: 'acme',
      insecure: true
    }
    const error = await refusal(api(ghcr, 'dev-ghcr', 'acme/api'), { githubToken: 'ghs_test' })
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(error.message).toBe(
      `${proxy.host} refused the push of acme/api:dev-ghcr (HTTP 403): github_token needs ` +
        'packages: write (add `permissions: packages: write` to the job; a package that already ' +
        "exists must also give this repository write access in the package's settings)."
    )
  })

  describe('with buildx', () => {
    let dir: string
    const savedPath = process.env.PATH
    const calls = async (): Promise<string[]> =>
      (await readFile(join(dir, 'calls'), 'utf8').catch(() => '')).split('\n').filter(Boolean)

    beforeEach(async () => {
      dir = await tempDir()
      await mkdir(join(dir, 'bin'))
      await writeFile(join(dir, 'bin', 'docker'), STAND_IN_DOCKER, { mode: 0o755 })
      process.env.PATH = `${join(dir, 'bin')}:${savedPath}`
      process.env.STAND_IN_CALLS = join(dir, 'calls')
    })
    afterEach(async () => {
      process.env.PATH = savedPath
      delete process.env.STAND_IN_CALLS
      await rm(dir, { recursive: true, force: true })
    })

    it('pushes with no credentials: no docker login, DOCKER_CONFIG without any', async () => {
      const runnerTemp = await tempDir()
      const { ctx } = makeContext({
        services: api(hostRegistry(registry.host), 'dev-anon-buildx'),
        runnerTemp,
        images: { builder: 'buildx' }
      })
      await image.runBuildPhase(ctx)
      await image.runPushPhase(ctx)
      const digest = await digestOf('shop/api', 'dev-anon-buildx')
      expect(ctx.state.images.api).toBe(`${registry.host}/shop/api:dev-anon-buildx@${digest}`)
      const authDir = join(runnerTemp, 'deploy-pipeline-registry-auth')
      const made = await calls()
      expect(made.some(c => c.startsWith(`DOCKER_CONFIG=${authDir} buildx build`))).toBe(true)
      expect(made.some(c => / login /.test(c))).toBe(false)
      expect(JSON.parse(await readFile(join(authDir, 'config.json'), 'utf8'))).toEqual({
        auths: {}
      })
    })

    it('a push the registry refuses is REGISTRY_AUTH_FAILED, as with buildah', async () => {
      proxy.server.faults.inject(denied, { match: isManifestPut, times: 10 })
      const error = await refusal(api(hostRegistry(proxy.host), 'dev-denied-buildx'), {
        builder: 'buildx'
      })
      expect(error.code).toBe('REGISTRY_AUTH_FAILED')
      expect(error.message).toBe(
        `${proxy.host} refused the push of shop/api:dev-denied-buildx (HTTP 403): it takes no anonymous ` +
          'push; set registry_username and registry_password.'
      )
      expect(error.details).toMatch(/failed to push .*403 Forbidden/)
    })
  })
})
