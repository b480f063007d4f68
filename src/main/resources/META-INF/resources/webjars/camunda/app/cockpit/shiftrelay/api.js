// ShiftRelay's REST API and the engine's incidents, called with the Cockpit user's own session: no second
// login. ShiftRelay's API takes the session of the Camunda webapps and, for anything that changes state,
// their CSRF token (api.CSRFToken), as the engine API of the webapps does.

/** The processes ShiftRelay deploys (their ids in processes/*.bpmn), with the names an admin reads. */
export const PROCESSES = {
  ManagerPresence: 'Присутствие менеджера',
  DealHandover: 'Передача сделок',
  DealReturn: 'Возврат сделок',
  StartShift: 'Начать смену',
  ActivityPolling: 'Чтение активности из CRM',
  ManagerDirectorySync: 'Синхронизация пользователей CRM'
};

/** A failed call, with the problem details' text when the server sent one. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

async function call(url, api, {method = 'GET', body} = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-XSRF-TOKEN'] = api.CSRFToken;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json && (json.detail || json.message));
  }
  return json;
}

/** ShiftRelay's own API at /api, next to the webapps (/camunda/...) on the same server. */
export function shiftRelay(api) {
  return {
    teams: () => call('/api/teams/overview', api),
    recentRuns: (limit = 30) => call(`/api/handovers/recent?limit=${encodeURIComponent(limit)}`, api),
    moves: runId => call(`/api/handovers/${encodeURIComponent(runId)}/moves`, api),
    waiting: () => call('/api/handovers/waiting', api),
    incidents: () => call(`${api.engineApi}/incident?processDefinitionKeyIn=${Object.keys(PROCESSES).join(',')}`
      + '&sortBy=incidentTimestamp&sortOrder=desc&maxResults=100', api)
  };
}

/** Cockpit's own view of a process instance, on its incidents tab. */
export function incidentLink(processInstanceId) {
  return `#/process-instance/${encodeURIComponent(processInstanceId)}/runtime?tab=incidents-tab`;
}

/** The process key of a definition id ("DealHandover:3:..."). */
export function processKey(processDefinitionId) {
  return String(processDefinitionId ?? '').split(':')[0];
}
