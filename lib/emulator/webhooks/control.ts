// The webhook side of the control API (loopback only; server.ts checks the caller and reads the body):
//   GET  /_emulator/                       a plain HTML page: the endpoints and every delivery attempt, newest first
//   GET  /_emulator/webhooks/deliveries    every attempt as JSON, newest first (?event=evt_…, ?endpoint=we_…)
//   POST /_emulator/webhooks/retry         every delivery waiting for its retry is sent now
//   POST /_emulator/webhooks/endpoints/:id/secret   sets an endpoint's signing secret ({"secret":"whsec_…"}), so a
//                                          restarted emulator's endpoint signs as the one its receiver already knows
//   GET|POST|DELETE /_emulator/webhooks/faults, GET|DELETE /_emulator/webhooks/faults/:id   delivery faults (faults.ts)
import type { DeliveryAttempt, WebhookDispatcher } from './dispatcher';

export interface ControlAnswer {
  status: number;
  body: string;
  contentType?: string;
}

/** The answer to a webhook control request, or null when the path is not one of these. */
export function webhookControl(webhooks: WebhookDispatcher, method: string, url: URL, rawBody: string): ControlAnswer | null {
  const json = (v: unknown) => ({ status: 200, body: JSON.stringify(v, null, 2) });
  const route = `${method} ${url.pathname}`;
  if (route === 'GET /_emulator/') return { status: 200, body: deliveriesPage(webhooks), contentType: 'text/html; charset=utf-8' };
  if (route === 'GET /_emulator/webhooks/deliveries') {
    const data = webhooks.attempts({ event: url.searchParams.get('event'), endpoint: url.searchParams.get('endpoint') });
    return json({ object: 'list', owed: webhooks.owedCount, data });
  }
  if (route === 'POST /_emulator/webhooks/retry') return json({ ok: true, retried: webhooks.retryNow() });
  const secretOf = /^\/_emulator\/webhooks\/endpoints\/(we_[A-Za-z0-9]+)\/secret$/.exec(url.pathname);
  if (method === 'POST' && secretOf) return setEndpointSecret(webhooks, secretOf[1]!, rawBody);
  return webhooks.faults.control(method, url.pathname, rawBody);
}

const SECRET = /^whsec_[A-Za-z0-9_]{8,200}$/;

/** Gives an endpoint the signing secret named in the body (what a receiver set up for an earlier emulator knows). */
function setEndpointSecret(webhooks: WebhookDispatcher, id: string, rawBody: string): ControlAnswer {
  const error = (status: number, message: string) => ({ status, body: JSON.stringify({ error: { type: 'invalid_request_error', message } }, null, 2) });
  let secret: unknown;
  try {
    secret = (JSON.parse(rawBody || '{}') as { secret?: unknown }).secret;
  } catch {
    return error(400, 'The body must be JSON: {"secret":"whsec_…"}.');
  }
  if (typeof secret !== 'string' || !SECRET.test(secret)) return error(400, 'secret must look like whsec_ followed by 8 to 200 letters, digits or underscores.');
  if (!webhooks.setSecret(id, secret)) return error(404, `No such webhook endpoint: '${id}'`);
  return { status: 200, body: JSON.stringify({ ok: true, id }, null, 2) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML, in content and in quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const PAGE_ROWS = 1000;

function statusCell(a: DeliveryAttempt): string {
  if (a.status !== null) return `${a.status}`;
  return `no answer: ${a.error ?? ''}`;
}

/** The page under /_emulator/: readable in a browser, every value escaped. */
export function deliveriesPage(webhooks: WebhookDispatcher): string {
  const attempts = webhooks.attempts();
  const endpoints = webhooks.endpoints();
  const cell = (v: unknown) => `<td>${escapeHtml(v)}</td>`;
  const endpointRows = endpoints
    .map(({ mode, endpoint, connect }) =>
      `<tr>${cell(endpoint.id)}${cell(mode)}${cell(connect ? 'connect' : 'platform')}${cell(endpoint.status)}${cell(endpoint.url)}${cell(endpoint.api_version ?? 'default')}${cell(endpoint.enabled_events.join(', '))}</tr>`,
    )
    .join('\n');
  const attemptRows = attempts
    .slice(0, PAGE_ROWS)
    .map((a) => {
      const ok = a.status !== null && a.status >= 200 && a.status < 300;
      const faults = a.faults.map((f) => `${f.kind} (${f.rule})`).join(', ');
      return `<tr class="${ok ? 'ok' : 'bad'}">${cell(new Date(a.at).toISOString())}${cell(a.event)}${cell(a.type)}${cell(`${a.endpoint} ${a.url}`)}${cell(a.attempt)}${cell(statusCell(a))}${cell(a.outcome)}${cell(`${a.duration_ms} ms`)}${cell(faults)}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Emulator webhook deliveries</title>
<style>
:root{color-scheme:light dark}
body{font-family:system-ui,sans-serif;margin:2rem auto;padding:0 1rem;max-width:90rem;color:#1f2937;background:#fff}
.scroll{overflow-x:auto;margin-bottom:2rem}
table{border-collapse:collapse;font-size:.8125rem}
th,td{border-bottom:1px solid #e5e7eb;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.nowrap{white-space:nowrap}
tr.bad td{color:#b91c1c}
code{font-size:.8125rem}
a{color:#4338ca}
@media (prefers-color-scheme:dark){body{color:#e5e7eb;background:#111827}th,td{border-color:#374151}tr.bad td{color:#fca5a5}a{color:#a5b4fc}}
@media (max-width:40rem){body{margin:1rem auto}}
</style></head>
<body>
<h1>Webhook deliveries</h1>
<p>The local Stripe emulator's webhook endpoints and every delivery attempt, newest first (the last ${PAGE_ROWS} shown). Deliveries still owed: ${escapeHtml(webhooks.owedCount)}.
JSON: <a href="/_emulator/webhooks/deliveries"><code>/_emulator/webhooks/deliveries</code></a>. Reload the page to see new attempts.</p>
<h2>Endpoints</h2>
${endpoints.length === 0 ? '<p>None: create one with <code>POST /v1/webhook_endpoints</code>.</p>' : `<div class="scroll"><table><thead><tr><th>id</th><th>mode</th><th>kind</th><th>status</th><th>url</th><th>api_version</th><th>enabled_events</th></tr></thead><tbody>\n${endpointRows}\n</tbody></table></div>`}
<h2>Attempts</h2>
${attempts.length === 0 ? '<p>No delivery attempts yet.</p>' : `<div class="scroll"><table><thead><tr><th>time</th><th>event</th><th>type</th><th>endpoint</th><th>attempt</th><th>status</th><th>outcome</th><th>duration</th><th>faults</th></tr></thead><tbody>\n${attemptRows}\n</tbody></table></div>`}
</body></html>`;
}
