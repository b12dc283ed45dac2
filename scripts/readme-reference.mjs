// Rewrites the README's input/output reference from action.yml (npm run docs), so the two never
// disagree; a test checks that they don't.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const manifest = parse(readFileSync('action.yml', 'utf8'))
const cell = text => String(text).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()
const lines = ['### Inputs', '', '| input | default | description |', '| --- | --- | --- |']
for (const [name, input] of Object.entries(manifest.inputs)) {
  const value = input.default === undefined || input.default === '' ? '' : `\`${input.default}\``
  lines.push(`| \`${name}\` | ${value} | ${cell(input.description)} |`)
}
lines.push('', '### Outputs', '', '| output | description |', '| --- | --- |')
for (const [name, output] of Object.entries(manifest.outputs)) {
  lines.push(`| \`${name}\` | ${cell(output.description)} |`)
}
const readme = readFileSync('README.md', 'utf8')
const start = '<!-- reference:start -->'
const end = '<!-- reference:end -->'
const before = readme.slice(0, readme.indexOf(start) + start.length)
const after = readme.slice(readme.indexOf(end))
writeFileSync('README.md', `${before}\n${lines.join('\n')}\n${after}`)
