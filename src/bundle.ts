import { reportCrash, type StepOptions } from './crash.js'
import { workflowCommands } from './runtime/workflow-commands.js'
import { safeToolkit } from './toolkit.js'

// The one bundle both steps load (ncc -> dist/lib): dist/index.js calls runMain, dist/post.js
// calls runPost. One bundle, so the lazily loaded chunks of the two steps are shared, not copied.
// Each step is a lazy chunk of its own, so the post step never reads the main step's code.
export async function runMain(options: StepOptions = {}): Promise<void> {
  const step = await load('main', () => import('./index.js'))
  await step?.runMain(options)
}

export async function runPost(options: StepOptions = {}): Promise<void> {
  const step = await load('post', () => import('./post.js'))
  await step?.runPost(options)
}

/** A chunk that will not load (a cut checkout, a Node too old for it) fails the step in one line. */
async function load<T>(name: 'main' | 'post', chunk: () => Promise<T>): Promise<T | undefined> {
  try {
    return await chunk()
  } catch (error) {
    reportCrash(name, safeToolkit(workflowCommands), error)
    return undefined
  }
}
