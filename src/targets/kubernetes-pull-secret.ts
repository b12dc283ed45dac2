import { KubernetesApiError, type KubernetesClient, type Secret } from '../clients/kubernetes.js'
import { DeployError } from '../errors.js'
import type { RegistryLogin } from './types.js'

/**
 * The image pull secret: a kubernetes.io/dockerconfigjson secret holding the run's own
 * credentials for the service's registry (for ECR, the 12-hour token), listed in the service
 * account's imagePullSecrets so that every pod of the account can pull. Idempotent: the secret is
 * written only when its content changes (a new token), the service account patched only when the
 * secret is not listed yet. The credentials travel only in the API request's body: never in a
 * log line, a message or a command line.
 */
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'deploy-pipeline' }

export type PullSecretChange = 'created' | 'refreshed' | 'unchanged'

export interface PullSecretResult {
  readonly secret: PullSecretChange
  /** True when the service account was patched to list the secret. */
  readonly serviceAccountPatched: boolean
}

/** What the secret holds: the same JSON for the same login, so a comparison tells a change. */
export function dockerConfigJson(login: RegistryLogin): string {
  const { host, username = '', password = '' } = login
  const auth = Buffer.from(`${username}:${password}`).toString('base64')
  return JSON.stringify({ auths: { [host]: { username, password, auth } } })
}

export async function ensurePullSecret(
  client: KubernetesClient,
  namespace: string,
  wanted: { readonly name: string; readonly serviceAccount: string },
  login: RegistryLogin
): Promise<PullSecretResult> {
  if (!login.username || !login.password) {
    throw new DeployError(
      'INVALID_INPUT',
      `image_pull_secret '${wanted.name}': the run has no credentials for ${login.host} (it pushes ` +
        'there anonymously); give registry_username and registry_password, or remove image_pull_secret'
    )
  }
  const encoded = Buffer.from(dockerConfigJson(login)).toString('base64')
  const secret = await writeSecret(client, namespace, wanted.name, encoded)
  const serviceAccountPatched = await listInServiceAccount(client, namespace, wanted)
  return { secret, serviceAccountPatched }
}

async function writeSecret(
  client: KubernetesClient,
  namespace: string,
  name: string,
  encoded: string
): Promise<PullSecretChange> {
  const desired = (resourceVersion?: string): Secret => ({
    metadata: { name, labels: { ...MANAGED_BY }, ...(resourceVersion ? { resourceVersion } : {}) },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': encoded }
  })
  // Two rounds: a secret created or changed by someone else between our read and our write.
  for (let round = 0; ; round++) {
    const existing = await client.readSecret(namespace, name)
    try {
      if (!existing) {
        await client.createSecret(namespace, desired())
        return 'created'
      }
      refuseForeign(existing, name, namespace)
      if (existing.data?.['.dockerconfigjson'] === encoded) return 'unchanged'
      await client.replaceSecret(namespace, desired(existing.metadata?.resourceVersion))
      return 'refreshed'
    } catch (error) {
      if (round === 0 && error instanceof KubernetesApiError && error.status === 409) continue
      throw error
    }
  }
}

/** A secret of that name that this action did not make is someone else's: never overwritten. */
function refuseForeign(existing: Secret, name: string, namespace: string): void {
  if (existing.type !== 'kubernetes.io/dockerconfigjson') {
    throw new DeployError(
      'DEPLOY_FAILED',
      `image_pull_secret: secret '${name}' in namespace ${namespace} exists with type ` +
        `${existing.type ?? '?'}; choose another name (it is not overwritten)`
    )
  }
  const managedBy = existing.metadata?.labels?.['app.kubernetes.io/managed-by']
  if (managedBy !== MANAGED_BY['app.kubernetes.io/managed-by']) {
    throw new DeployError(
      'DEPLOY_FAILED',
      `image_pull_secret: secret '${name}' in namespace ${namespace} exists and was not made by ` +
        'deploy-pipeline (no app.kubernetes.io/managed-by: deploy-pipeline label); choose another ' +
        'name, or delete it once so that the action manages it'
    )
  }
}

async function listInServiceAccount(
  client: KubernetesClient,
  namespace: string,
  wanted: { readonly name: string; readonly serviceAccount: string }
): Promise<boolean> {
  for (let round = 0; ; round++) {
    const account = await client.readServiceAccount(namespace, wanted.serviceAccount)
    if (!account) {
      throw new DeployError(
        'DEPLOY_FAILED',
        `image_pull_secret: service account '${wanted.serviceAccount}' does not exist in namespace ` +
          `${namespace}; create it, or set image_pull_secret.service_account`
      )
    }
    const listed = account.imagePullSecrets ?? []
    if (listed.some(ref => ref.name === wanted.name)) return false
    // imagePullSecrets of a service account is an atomic list: the patch carries all of it, and
    // the resourceVersion, so that an entry someone adds meanwhile is a conflict, not lost.
    const patch = {
      metadata: { resourceVersion: account.metadata?.resourceVersion },
      imagePullSecrets: [...listed.map(ref => ({ name: ref.name })), { name: wanted.name }]
    }
    try {
      await client.patchServiceAccount(namespace, wanted.serviceAccount, patch)
      return true
    } catch (error) {
      if (round < 2 && error instanceof KubernetesApiError && error.status === 409) continue
      throw error
    }
  }
}
