import { DeployError } from '../errors.js'
import { createBuildah } from './buildah.js'
import { createBuildx } from './buildx.js'
import { commandWorks } from '../runtime/command.js'
import type { Builder } from './types.js'

/** What can run on this machine; probed once per run. */
export interface BuilderProbe {
  /** docker CLI with the buildx plugin and a reachable engine. */
  buildx(): Promise<boolean>
  buildah(): Promise<boolean>
}

export const machineProbe: BuilderProbe = {
  // `docker buildx version` passes without an engine; `docker info` needs the daemon.
  buildx: async () =>
    (await commandWorks('docker', ['buildx', 'version'])) &&
    (await commandWorks('docker', ['info', '--format', '{{.ServerVersion}}'])),
  buildah: () => commandWorks('buildah', ['--version'])
}

export interface BuilderChoice {
  name: 'buildx' | 'buildah'
  /** One sentence for the log: which builder and why. */
  reason: string
}

/** `builder: auto` picks buildx when a Docker engine with buildx is usable, else buildah. */
export async function chooseBuilder(
  requested: 'auto' | 'buildx' | 'buildah',
  probe: BuilderProbe = machineProbe
): Promise<BuilderChoice> {
  if (requested === 'buildx') {
    if (await probe.buildx()) return { name: 'buildx', reason: 'builder: buildx' }
    throw unavailable(
      'buildx',
      'a Docker engine with the buildx plugin (docker/setup-buildx-action)'
    )
  }
  if (requested === 'buildah') {
    if (await probe.buildah()) return { name: 'buildah', reason: 'builder: buildah' }
    throw unavailable('buildah', 'buildah (apt-get install -y buildah)')
  }
  if (await probe.buildx()) {
    return {
      name: 'buildx',
      reason: 'builder auto: using docker buildx (a Docker engine is running)'
    }
  }
  if (await probe.buildah()) {
    return {
      name: 'buildah',
      reason: 'builder auto: using buildah (no usable Docker engine with buildx)'
    }
  }
  throw new DeployError(
    'BUILD_FAILED',
    'No image builder found: install Docker with buildx (docker/setup-buildx-action) or buildah ' +
      '(apt-get install -y buildah) on the runner.'
  )
}

function unavailable(name: string, what: string): DeployError {
  return new DeployError(
    'BUILD_FAILED',
    `builder: ${name} was requested but is not usable here; install ${what}.`
  )
}

export function createBuilder(name: 'buildx' | 'buildah', dockerConfigDir: string): Builder {
  return name === 'buildx' ? createBuildx(dockerConfigDir) : createBuildah()
}
