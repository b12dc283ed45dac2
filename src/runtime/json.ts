import * as v from 'valibot'

/** JSON text checked against a schema: the value, or a sentence saying what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; notJson: boolean; problem: string }

/** For what the action wrote and reads back later (state, event log), which may come back cut. */
export function parseJson<S extends v.GenericSchema>(
  schema: S,
  text: string
): Parsed<v.InferOutput<S>> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, notJson: true, problem: 'not JSON' }
  }
  const parsed = v.safeParse(schema, json)
  if (parsed.success) return { ok: true, value: parsed.output }
  const issue = parsed.issues[0]
  const path = v.getDotPath(issue)
  return { ok: false, notJson: false, problem: path ? `${path}: ${issue.message}` : issue.message }
}
