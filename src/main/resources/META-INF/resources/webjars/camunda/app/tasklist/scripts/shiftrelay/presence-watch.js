// ShiftRelay's presence watch: a dedicated worker of presence-alerts.js that polls for the manager's open
// presence checks and shift-start prompts. Chrome throttles the timers of a hidden tab (to once a minute after a few minutes), which
// is when a 60-second check matters; a worker's timers are not throttled so. The page shows what this posts.
//
// It reads with the Tasklist session, as the page would: the worker is of the same origin and sends its
// cookies; every request is a GET, which needs no CSRF token.
//
// Posts {type: 'checks', open, added}: the open checks after each poll, and those new since the last one
// (none on the first: checks already open when the page loaded are on the screen); and {type: 'ranOut',
// deals} when a check left the list because its time ran out: 'handedOver' (to colleagues on shift),
// 'waiting' (nobody of the team on shift) or 'unknown' (the ledger said nothing in time).

const PRESENCE_CHECK = 'UserTask_ConfirmPresence';
const RETURN_CHECK = 'UserTask_ConfirmReturn';
// The prompt "Начать смену" at the start of a scheduled shift (ManagerShifts).
const SHIFT_START = 'UserTask_StartShift';
const POLL_MS = 5000;
// The process marks the manager OFFLINE a moment after the check ends, then plans the hand-over.
const STATE_TRIES = 6;
const LEDGER_TRIES = 15;
const RETRY_MS = 1000;

let api = null;
let userId = null;
let first = true;
const known = new Map();

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)));
}

function currentUser() {
  return getJson(`${api.adminApi}/auth/user/${api.engine}`)
    .then((user) => (user && user.userId) || null)
    .catch(() => null);
}

function presenceTasks() {
  const query = new URLSearchParams({
    assignee: userId,
    taskDefinitionKeyIn: `${PRESENCE_CHECK},${RETURN_CHECK},${SHIFT_START}`
  });
  return getJson(`${api.engineApi}/task?${query}`);
}

function managerIdOf(task) {
  return getJson(`${api.engineApi}/task/${encodeURIComponent(task.id)}/variables/managerId`)
    .then((variable) => (variable ? variable.value : null))
    .catch(() => null);
}

function presenceState(managerId) {
  return getJson(`/api/managers/${encodeURIComponent(managerId)}`)
    .then((manager) => (manager ? manager.state : null))
    .catch(() => null);
}

// The engine writes "2026-11-23T10:00:00.000+0300"; Date wants the offset's colon.
function instantOf(engineDate) {
  return new Date(String(engineDate).replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).getTime();
}

// The hand-over this check's time-out started: the newest one since the check was created.
function handoverSince(managerId, created) {
  return getJson(`/api/handovers?managerId=${encodeURIComponent(managerId)}`)
    .then((runs) => runs.find((run) => run.kind === 'HANDOVER' && new Date(run.createdAt).getTime() >= created))
    .catch(() => undefined);
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retrying(tries, attempt) {
  return attempt().then((result) => (result !== undefined || tries <= 1 ? result
    : delay(RETRY_MS).then(() => retrying(tries - 1, attempt))));
}

// The check left the list: answered (ONLINE again) or ran out (OFFLINE, and what became of the deals).
function explainIfRanOut(entry) {
  return retrying(STATE_TRIES, () => presenceState(entry.managerId)
    .then((state) => (state === 'CONFIRMING' || state == null ? undefined : state)))
    .then((state) => (state !== 'OFFLINE' ? null
      : retrying(LEDGER_TRIES, () => handoverSince(entry.managerId, entry.created)).then((run) => {
        const deals = run == null ? 'unknown' : run.status === 'WAITING' ? 'waiting' : 'handedOver';
        self.postMessage({ type: 'ranOut', deals });
      })));
}

function summary(task) {
  return { id: task.id, taskDefinitionKey: task.taskDefinitionKey };
}

function update(tasks) {
  const open = new Set(tasks.map((task) => task.id));
  const added = tasks.filter((task) => !known.has(task.id));
  added.forEach((task) => {
    const entry = { task, created: instantOf(task.created), managerId: null };
    known.set(task.id, entry);
    managerIdOf(task).then((id) => { entry.managerId = id; });
  });
  Array.from(known.values()).filter((entry) => !open.has(entry.task.id)).forEach((entry) => {
    known.delete(entry.task.id);
    if (entry.task.taskDefinitionKey === PRESENCE_CHECK && entry.managerId != null) {
      explainIfRanOut(entry);
    }
  });
  self.postMessage({ type: 'checks', open: tasks.map(summary), added: first ? [] : added.map(summary) });
  first = false;
}

function poll() {
  const user = userId ? Promise.resolve(userId) : currentUser();
  return user.then((id) => {
    userId = id;
    return id ? presenceTasks() : [];
  }).then(update).catch(() => {});
}

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'start' && api == null) {
    api = event.data.api;
    poll();
    setInterval(poll, POLL_MS);
  }
});
