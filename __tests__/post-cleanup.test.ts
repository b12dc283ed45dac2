import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPost } from '../src/post.js'
import { RUN_STATE_KEY, readRunState, saveRunState, type SavedRun } from '../src/run-state.js'
import type { ServiceSettings } from '../src/settings/types.js'
import { testSettings } from './fixtures/settings.js'
import { recordingToolkit } from './fixtures/toolkit.js'

/**
 * The post step runs after every job, dry runs included, so it loads only what the saved state
 * says is owed. These pin what main writes down and what post does with it.
 */
function service(name: string, built: boolean): ServiceSettings {
  return {
    name,
    registry: { kind: 'host', host: '127.0.0.1:5000', namespace: 'shop', insecure: true },
    repository: `shop/${name}`,
    build: built
      ? {
          context: '/src',
          dockerfile: '/src/Dockerfile',
          target: undefined,
          args: {},
          platforms: []
        }
      : undefined,
    dependsOn: [],
    deploy: undefined
  }
}

function saved(settings: Parameters<typeof testSettings>[0]): SavedRun | undefined {
  const core = recordingToolkit()
  saveRunState(core, { settings: testSettings(settings), finished: false })
  return readRunState(core).run
}

describe('what main leaves for the post step', () => {
  it('owes a registry cleanup only when a run that changes things builds an image', () => {
    const built = [service('chart', false), service('api', true)]
    expect(saved({ services: built })?.registryAuth).toBe(true)
    expect(saved({ services: built, dryRun: true })?.registryAuth).toBeUndefined()
    expect(saved({ services: [service('chart', false)] })?.registryAuth).toBeUndefined()
    expect(saved({ services: [] })?.registryAuth).toBeUndefined()
  })
})

describe('runPost after main finished', () => {
  const env = { ...process.env }
  afterEach(() => {
    process.env = { ...env }
  })

  function credentialsIn(tempDir: string): string {
    const directory = join(tempDir, 'deploy-pipeline-registry-auth')
    mkdirSync(directory, { recursive: true })
    writeFileSync(join(directory, 'config.json'), '{"auths":{}}')
    return directory
  }

  it.each([
    ['owed', true, false],
    ['not owed', undefined, true]
  ])('registry credentials %s: removed or left alone', async (_name, registryAuth, remains) => {
    const tempDir = mkdtempSync(join(tmpdir(), 'post-step-'))
    const credentials = credentialsIn(tempDir)
    const state: SavedRun = {
      deploymentId: 'dep_1_1',
      eventsFile: join(tempDir, 'events.ndjson'),
      tempDir,
      environment: 'dev',
      finished: true,
      status: 'success',
      ...(registryAuth ? { registryAuth } : {})
    }
    process.env[`STATE_${RUN_STATE_KEY}`] = JSON.stringify(state)
    await runPost()
    expect(existsSync(credentials)).toBe(remains)
    expect(existsSync(state.eventsFile)).toBe(false) // a finished run's log is main's alone
  })
})
