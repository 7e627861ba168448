// The JSON routes transcoded from the gRPC services (protos/carbon/v1, google.api.http), with the user's credentials.
const credentialKey = 'carbon.credential';

/** The credential entered on the page: { kind: 'api-key' | 'bearer', value }. Kept for this browser tab only. */
export function credential() {
  try {
    return JSON.parse(sessionStorage.getItem(credentialKey)) ?? { kind: 'api-key', value: '' };
  } catch {
    return { kind: 'api-key', value: '' };
  }
}

export function setCredential(kind, value) {
  sessionStorage.setItem(credentialKey, JSON.stringify({ kind, value: value.trim() }));
}

/** A failed call: the google.rpc.Status of the reply (code, message, field violations) and its HTTP status. */
export class ApiError extends Error {
  constructor(httpStatus, status) {
    super(status.message || `HTTP ${httpStatus}`);
    this.httpStatus = httpStatus;
    this.code = status.code ?? 2;
    this.details = status.details ?? [];
  }

  /** BadRequest field violations: [{ field, description }]. */
  get fieldViolations() {
    return this.details.filter(d => d['@type']?.endsWith('google.rpc.BadRequest')).flatMap(d => d.fieldViolations ?? []);
  }

  /** QuotaFailure violations: [{ subject, description }]. */
  get quotaViolations() {
    return this.details.filter(d => d['@type']?.endsWith('google.rpc.QuotaFailure')).flatMap(d => d.violations ?? []);
  }

  get codeName() {
    return codeNames[this.code] ?? `code ${this.code}`;
  }
}

const codeNames = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL',
  'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];

/** Calls a route; resolves to the reply's JSON, or rejects with an ApiError. */
export async function call(method, path, body, { signal } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const { kind, value } = credential();
  if (value) {
    if (kind === 'bearer') headers.authorization = `Bearer ${value}`;
    else headers['x-api-key'] = value;
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { code: 2, message: text.slice(0, 200) };
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** The command that sends the same request from a terminal. */
export function curl(method, path, body) {
  const url = new URL(path, location.href).href;
  const data = body === undefined ? '' : ` -H 'content-type: application/json' -d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`;
  return `curl -s -X ${method} '${url}'${data}`;
}

export const api = {
  listSpecs: () => call('GET', '/v1/specs'),
  getSpec: code => call('GET', `/v1/specs/${encodeURIComponent(code)}`),
  validateSpec: (specJson, options) => call('POST', '/v1/specs:validate', { specJson }, options),
  saveSpec: specJson => call('POST', '/v1/specs', { specJson }),
  deleteSpec: code => call('DELETE', `/v1/specs/${encodeURIComponent(code)}`),
  calendar: request => call('POST', '/v1/specs:calendar', request),
  testSpec: (request, options) => call('POST', '/v1/specs:test', request, options),
  listSnapshots: () => call('GET', '/v1/snapshots'),
  getSnapshot: id => call('GET', `/v1/snapshots/${encodeURIComponent(id)}`),
  price: request => call('POST', '/v1/price', request),
};
