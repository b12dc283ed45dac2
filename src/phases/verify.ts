import { DeployError, errorMessage } from '../errors.js'
import { follow, formatDuration } from '../runtime/follow.js'
import type { Sleep } from '../runtime/sleep.js'
import { VERIFY_PLACEHOLDER } from '../settings/stack-values.js'
import type { VerifySettings } from '../settings/types.js'
import { httpUrlProblem } from '../settings/values.js'
import type { DeployOutcome } from '../targets/types.js'

/**
 * `deploy.verify`: after a service's deploy, and before its dependents', its URL must answer the
 * expected status (and text) within the check's own timeout. Each try is one look of the
 * follower; a refused connection or a wrong answer is "not yet", so the check goes on until it
 * passes or its time is up, then fails with HEALTH_CHECK_FAILED and the last answer.
 */

export interface VerifyContext {
  readonly signal: AbortSignal
  progress(message: string, data?: Record<string, unknown>): void
  readonly sleep?: Sleep
  readonly now?: () => number
}

/** What a try saw: an answer (status and the start of its body) or why there was none. */
type Answer = { status: number; body: string } | { error: string }

/** Enough of a body to find `contains` in a health page, not a download. */
const BODY_LIMIT = 64 * 1024

export async function verifyDeployment(
  service: string,
  verify: VerifySettings,
  deployed: DeployOutcome,
  context: VerifyContext
): Promise<void> {
  const url = verifyUrl(service, verify.url, deployed)
  const expected = `HTTP ${verify.expectStatus}${verify.contains ? ` containing '${verify.contains}'` : ''}`
  let last: Answer | undefined
  await follow<number>({
    describe: `the verify check of ${service} (${url})`,
    intervalMs: verify.intervalMs,
    timeoutMs: verify.timeoutMs,
    signal: context.signal,
    sleep: context.sleep,
    now: context.now,
    look: async signal => {
      last = await ask(url, verify.expectStatus, signal)
      if ('status' in last && passes(last, verify)) return { done: true, value: last.status }
      return {
        done: false,
        progress: `verify: ${url} ${describeAnswer(last)} (expected ${expected})`
      }
    },
    onProgress: message => context.progress(message)
  }).catch(error => {
    if (!(error instanceof DeployError) || error.code !== 'TIMEOUT') throw error
    throw new DeployError(
      'HEALTH_CHECK_FAILED',
      `Verify of ${service} failed: ${url} did not answer ${expected} within ` +
        `${formatDuration(verify.timeoutMs)}; ${last ? `the last answer was ${describeAnswer(last)}` : 'no answer came'}`,
      { cause: error }
    )
  })
  context.progress(`verified: ${url} answered ${expected}`, { verify: { url, passed: true } })
}

/** The URL with what the deploy reported filled in: {deployment_url}, {outputs.Name}. */
export function verifyUrl(service: string, template: string, deployed: DeployOutcome): string {
  const url = template.replace(VERIFY_PLACEHOLDER, (placeholder, name: string) => {
    const value =
      name === 'deployment_url' ? deployed.deploymentUrl : deployed.outputs?.[name.slice(8)]
    if (value !== undefined) return value
    const reported = Object.keys(deployed.outputs ?? {}).join(', ') || 'none'
    throw new DeployError(
      'INVALID_INPUT',
      `services.${service}.deploy.verify.url uses ${placeholder}, but the deploy of ${service} ` +
        (name === 'deployment_url'
          ? 'reported no deployment URL'
          : `reported no such output (its outputs: ${reported})`)
    )
  })
  const problem = httpUrlProblem(url)
  if (problem) {
    throw new DeployError(
      'INVALID_INPUT',
      `services.${service}.deploy.verify.url is '${url}' once filled in: ${problem}`
    )
  }
  return url
}

async function ask(url: string, expectStatus: number, signal: AbortSignal): Promise<Answer> {
  try {
    // A redirect is followed unless it is what the check expects.
    const redirect = expectStatus >= 300 && expectStatus < 400 ? 'manual' : 'follow'
    const response = await fetch(url, { signal, redirect })
    return { status: response.status, body: await readStart(response) }
  } catch (error) {
    // The follower's own deadline or the run's cancel: not an answer, the end of the check.
    if (signal.aborted) throw error
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
    const detail = typeof cause?.message === 'string' ? cause.message : errorMessage(error)
    return { error: detail }
  }
}

function passes(answer: { status: number; body: string }, verify: VerifySettings): boolean {
  return (
    answer.status === verify.expectStatus &&
    (verify.contains === undefined || answer.body.includes(verify.contains))
  )
}

/** Up to BODY_LIMIT bytes of the body as text; the rest is not read. */
async function readStart(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < BODY_LIMIT) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.length
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString('utf8')
}

/** `HTTP 503: "Service Unavailable"`: the body's start, on one line and escaped. */
function describeAnswer(answer: Answer): string {
  if ('error' in answer) return `no answer (${answer.error})`
  const text = answer.body.replace(/\s+/g, ' ').trim()
  const excerpt = text.length > 120 ? `${text.slice(0, 117)}...` : text
  return `HTTP ${answer.status}${excerpt ? `: ${JSON.stringify(excerpt)}` : ''}`
}
