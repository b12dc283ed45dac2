import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exampleRepo, root, runNode } from './fixtures/dist-step.js'

/**
 * GitHub's @github/local-action runs the shipped bundle the way its README says: it imports
 * dist/index.js and calls the exported run(), then dist/post.js's, in one process, with the
 * inputs of a .env file as INPUT_* variables. The bundle does not go through @actions/core (the
 * module local-action stubs), so its outputs appear in the log as `::set-output` lines, or in
 * GITHUB_OUTPUT when the .env names one, and local-action's own outputs table stays empty.
 */
const localAction = join(root, 'node_modules/@github/local-action/bin/local-action.js')

describe('@github/local-action runs dist/', () => {
  it('main, then post: the outputs in the log, the summary written, post reads what main saved', async () => {
    expect(existsSync(localAction)).toBe(true)
    const repo = exampleRepo()
    const files = mkdtempSync(join(tmpdir(), 'local-action-'))
    const summary = join(files, 'summary.md')
    const env = join(files, '.env')
    writeFileSync(
      env,
      [
        'INPUT_ENVIRONMENT=stage',
        'INPUT_DRY_RUN=true',
        'INPUT_CREATE_TAG=true',
        // A plan-only preview: the example's targets have no credentials here.
        'INPUT_PREFLIGHT=false',
        // What local-action's .env.example has, and action.yml's default, unevaluated.
        'INPUT_GITHUB_TOKEN=${{ github.token }}',
        `GITHUB_WORKSPACE=${repo.dir}`,
        `RUNNER_TEMP=${join(files, 'runner-temp')}`,
        `GITHUB_STEP_SUMMARY=${summary}`,
        'SOURCE_DATE_EPOCH=1795500000',
        // As in local-action's .env.example: the post step says what it found.
        'RUNNER_DEBUG=1'
      ].join('\n')
    )
    const result = await runNode(
      process.execPath,
      [localAction, 'run', root, 'dist/index.js', env, '--post', 'dist/post.js'],
      // Only what local-action needs (npm, its cache): nothing of a runner this test may run on.
      { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME } }
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const log = result.stdout
    const main = log.indexOf('Running Action')
    const post = log.indexOf('Running Post Step')
    expect(main).toBeGreaterThan(0)
    expect(post).toBeGreaterThan(main)
    const mainLog = log.slice(main, post)
    // No token: tags are read from the example's own repository, and nothing reaches GitHub.
    expect(mainLog).toContain('::set-output name=status::planned')
    expect(mainLog).toContain('::set-output name=tag::v0.1.0-rc.1')
    expect(mainLog).not.toContain('::add-mask::')
    expect(mainLog).not.toContain('::error::')
    expect(readFileSync(summary, 'utf8')).toContain('## 📝 dry run: nothing changed')
    // In one process there are no STATE_* variables: post read the state main saved in memory.
    expect(log.slice(post)).toMatch(
      /::debug::Deployment dep_local_\w+: main reported it \(planned\)/
    )
    expect(repo.git('tag', '--list')).toBe('')
  })
})
