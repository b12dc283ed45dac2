import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * A stand-in for the helm binary, for the machines that have none (helm cannot be installed
 * here): a small Node program named `helm` on a PATH of its own. It answers `helm version` as
 * Helm 3 or 4, records every command line with the mode and content of each values file it was
 * given (as helm reads them: while it runs), and does to the cluster simulator what `helm
 * upgrade` would do to the workload (a PATCH of the image it was told to set), or fails the way
 * helm fails. The argv, the values file and the cluster side are all real; only helm is not.
 * The real helm is exercised by helm.test.ts where it is on PATH.
 */
export interface StandInCall {
  readonly argv: string[]
  readonly valuesFiles: { path: string; mode: number; text: string }[]
}

export interface StandIn {
  /** Put this first on PATH. */
  readonly dir: string
  calls(): StandInCall[]
}

export interface StandInOptions {
  readonly version: string
  /** Where `upgrade` PATCHes the Deployment, and with which token. */
  readonly cluster: {
    url: string
    token: string
    namespace: string
    name: string
    container: string
  }
  /** `upgrade` prints this and exits 1 instead of patching. */
  readonly fail?: string
}

const PROGRAM = String.raw`
const fs = require('node:fs')
const config = JSON.parse(fs.readFileSync(process.env.HELM_STAND_IN, 'utf8'))
const argv = process.argv.slice(2)
const valuesFiles = []
argv.forEach((arg, i) => {
  if (arg === '--values') {
    const path = argv[i + 1]
    valuesFiles.push({ path, mode: fs.statSync(path).mode & 0o777, text: fs.readFileSync(path, 'utf8') })
  }
})
fs.appendFileSync(config.log, JSON.stringify({ argv, valuesFiles }) + '\n')
const set = name => {
  const i = argv.findIndex((a, j) => argv[j - 1] === '--set-string' && a.startsWith(name + '='))
  return i === -1 ? undefined : argv[i].slice(name.length + 1)
}
async function main() {
  if (argv[0] === 'version') return console.log(config.version)
  if (argv[0] === 'get') {
    console.log('---\n# Source: webui/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: webui')
    console.log('---\n# Source: webui/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ' + config.cluster.name)
    return
  }
  if (argv[0] === 'upgrade') {
    console.log('Release "webui" does not exist. Installing it now.')
    if (config.fail) {
      console.log(config.fail)
      process.exit(1)
    }
    const image = set('image.repository') + ':' + set('image.tag')
    const { url, token, namespace, name, container } = config.cluster
    const response = await fetch(url + '/apis/apps/v1/namespaces/' + namespace + '/deployments/' + name, {
      method: 'PATCH',
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/strategic-merge-patch+json' },
      body: JSON.stringify({ spec: { template: { spec: { containers: [{ name: container, image }] } } } })
    })
    if (!response.ok) process.exit(2)
    console.log('NAME: webui\nSTATUS: deployed\nREVISION: 1')
    console.log('::error::a chart NOTES.txt that prints a workflow command')
  }
}
main()
`

export function helmStandIn(dir: string, options: StandInOptions): StandIn {
  const bin = join(dir, 'bin')
  mkdirSync(bin, { recursive: true })
  const log = join(dir, 'calls.ndjson')
  writeFileSync(log, '')
  const configFile = join(dir, 'stand-in.json')
  writeFileSync(configFile, JSON.stringify({ ...options, log }))
  const script = join(bin, 'helm')
  writeFileSync(
    script,
    `#!/bin/sh\nHELM_STAND_IN='${configFile}' exec '${process.execPath}' '${join(dir, 'program.cjs')}' "$@"\n`
  )
  writeFileSync(join(dir, 'program.cjs'), PROGRAM)
  chmodSync(script, 0o755)
  return {
    dir: bin,
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line) as StandInCall)
  }
}

export function pathWith(dir: string): string {
  return [dir, dirname(process.execPath), '/usr/bin', '/bin'].join(':')
}
