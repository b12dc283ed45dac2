// The orders API. GET /health answers {"status":"ok"}: the pipeline's verify check reads it.
export async function handler(event) {
  if (event.rawPath === '/health')
    return { statusCode: 200, body: JSON.stringify({ status: 'ok' }) }
  return { statusCode: 404, body: JSON.stringify({ error: 'not found' }) }
}
