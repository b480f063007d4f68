// ShiftRelay's own page in Cockpit (#/shiftrelay): who of each team is on shift, the hand-overs and returns
// going on and the latest ones (each opens on its moves), the deals that wait, and the incidents of
// ShiftRelay's processes, linked to Cockpit's own view of them. It refreshes itself every 10 seconds.

import {PROCESSES, incidentLink, processKey, shiftRelay} from './api.js';
import {
  KIND_NAMES, MOVE_STATUSES, MOVE_STATUS_NAMES, RUN_STATUS_NAMES, STATES, STATE_NAMES,
  ago, html, named, problem, time
} from './html.js';
import {keepFresh} from './refresh.js';
import {addStyle} from './style.js';

const MOVE_COUNT_HEADERS = {
  WRITTEN: 'Записано',
  WAITING: 'Ждут',
  SKIPPED: 'Пропущено',
  REJECTED: 'Отклонено',
  PLANNED: 'Ещё не записано'
};
const COUNTED = ['WRITTEN', 'WAITING', 'SKIPPED', 'REJECTED', 'PLANNED'];

function empty(columns, text) {
  return html`<tr><td colspan="${columns}" class="shiftrelay-empty">${text}</td></tr>`;
}

function state(value) {
  return html`<span class="shiftrelay-state shiftrelay-state-${value}">${STATE_NAMES[value] ?? value}</span>`;
}

function teamsTable(teams) {
  const order = manager => STATES.indexOf(manager.state);
  return html`
    <table class="table table-condensed" data-testid="shiftrelay-teams">
      <thead><tr><th>Менеджер</th><th>Логин</th><th>Состояние</th><th>С какого времени</th></tr></thead>
      ${teams.length === 0 ? html`<tbody>${empty(4, 'Команд пока нет.')}</tbody>` : ''}
      ${teams.map(team => html`
        <tbody class="shiftrelay-team" data-team-id="${team.id ?? ''}">
          <tr>
            <th colspan="4">
              ${team.id == null ? 'Без команды' : named(team)}:
              ${STATES.map((value, i) => html`${i > 0 ? ' · ' : ''}${STATE_NAMES[value]}
                <span data-state="${value}">${team.counts[value]}</span>`)}
            </th>
          </tr>
          ${team.managers.length === 0 ? empty(4, 'В команде нет менеджеров.') : ''}
          ${[...team.managers].sort((a, b) => order(a) - order(b)).map(manager => html`
            <tr data-manager-id="${manager.id}" data-state="${manager.state}">
              <td>${manager.name}</td>
              <td>${manager.login}</td>
              <td>${state(manager.state)}</td>
              <td title="${manager.since ?? ''}">${time(manager.since)} <span class="text-muted">(${ago(manager.since)})</span></td>
            </tr>`)}
        </tbody>`)}
    </table>`;
}

function runsTable(runs, openRunId) {
  return html`
    <table class="table table-condensed table-hover" data-testid="shiftrelay-runs">
      <thead>
        <tr>
          <th>Что</th><th>Менеджер</th><th>Команда</th><th>Статус</th><th>Начата</th><th>Завершена</th>
          ${COUNTED.map(status => html`<th class="shiftrelay-count">${MOVE_COUNT_HEADERS[status]}</th>`)}
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${runs.length === 0 ? empty(7 + COUNTED.length, 'Передач и возвратов ещё не было.') : ''}
        ${runs.map(run => html`
          <tr data-run-id="${run.id}" data-status="${run.status}"
              class="${run.running ? 'shiftrelay-running' : ''} ${run.id === openRunId ? 'shiftrelay-open' : ''}">
            <td>${KIND_NAMES[run.kind] ?? run.kind}</td>
            <td>${named(run.manager)}</td>
            <td>${named(run.team)}</td>
            <td>${RUN_STATUS_NAMES[run.status] ?? run.status}</td>
            <td>${time(run.createdAt)}</td>
            <td>${time(run.completedAt)}</td>
            ${COUNTED.map(status => html`<td class="shiftrelay-count" data-move-status="${status}">${run.moveCounts[status] ?? 0}</td>`)}
            <td><button type="button" class="btn btn-link" data-open-run="${run.id}">Сделки</button></td>
          </tr>`)}
      </tbody>
    </table>`;
}

function movesTable(run, moves) {
  const title = run
    ? html`${KIND_NAMES[run.kind] ?? run.kind}: ${named(run.manager)}, ${time(run.createdAt)}`
    : 'Сделки';
  return html`
    <div class="shiftrelay-moves">
      <h4>${title} <button type="button" class="btn btn-link" data-close-moves>закрыть</button></h4>
      <table class="table table-condensed" data-testid="shiftrelay-moves">
        <thead>
          <tr><th>Сделка</th><th>От кого</th><th>Кому</th><th>Чья сделка</th><th>Пакет</th><th>Статус</th><th>Почему</th><th>Записана</th></tr>
        </thead>
        <tbody>
          ${moves.length === 0 ? empty(8, 'В этой передаче нет сделок.') : ''}
          ${moves.map(move => html`
            <tr data-deal-id="${move.dealId}" data-status="${move.status}">
              <td>${move.dealId}</td>
              <td>${named(move.from)}</td>
              <td>${move.to ? named(move.to) : '—'}</td>
              <td>${named(move.owner)}</td>
              <td>${move.batch}</td>
              <td>${MOVE_STATUS_NAMES[move.status] ?? move.status}</td>
              <td>${move.note ?? ''}</td>
              <td>${time(move.writtenAt)}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>`;
}

function waitingTable(deals, teams) {
  const managers = new Map();
  const teamNames = new Map();
  teams.forEach(team => {
    teamNames.set(team.id, team.name);
    team.managers.forEach(manager => managers.set(manager.id, manager.name));
  });
  return html`
    <table class="table table-condensed" data-testid="shiftrelay-waiting">
      <thead><tr><th>Сделка</th><th>Чья</th><th>Команда</th><th>Ждёт с</th></tr></thead>
      <tbody>
        ${deals.length === 0 ? empty(4, 'Ни одна сделка не ждёт.') : ''}
        ${deals.map(deal => html`
          <tr data-deal-id="${deal.dealId}">
            <td>${deal.dealId}</td>
            <td>${named({id: deal.managerId, name: managers.get(deal.managerId)})}</td>
            <td>${deal.teamId == null ? '—' : named({id: deal.teamId, name: teamNames.get(deal.teamId)})}</td>
            <td>${time(deal.since)} <span class="text-muted">(${ago(deal.since)})</span></td>
          </tr>`)}
      </tbody>
    </table>`;
}

function incidentsTable(incidents) {
  return html`
    <table class="table table-condensed" data-testid="shiftrelay-incidents">
      <thead><tr><th>Процесс</th><th>Шаг</th><th>Сообщение</th><th>С</th><th></th></tr></thead>
      <tbody>
        ${incidents.length === 0 ? empty(5, 'Инцидентов нет.') : ''}
        ${incidents.map(incident => html`
          <tr data-incident-id="${incident.id}">
            <td>${PROCESSES[processKey(incident.processDefinitionId)] ?? processKey(incident.processDefinitionId)}</td>
            <td>${incident.failedActivityId ?? incident.activityId ?? ''}</td>
            <td>${incident.incidentMessage ?? incident.incidentType}</td>
            <td>${time(incident.incidentTimestamp)}</td>
            <td><a href="${incidentLink(incident.processInstanceId)}">Открыть в Cockpit</a></td>
          </tr>`)}
      </tbody>
    </table>`;
}

export function renderPage(node, api) {
  addStyle();
  const client = shiftRelay(api);
  node.innerHTML = html`
    <div class="shiftrelay shiftrelay-page" data-testid="shiftrelay-page">
      <h2>ShiftRelay</h2>
      <p class="shiftrelay-updated" data-slot="updated">Загрузка…</p>
      <h3>Кто на смене</h3>
      <div data-slot="teams"></div>
      <h3>Передачи и возвраты: идущие и последние</h3>
      <div data-slot="runs"></div>
      <div data-slot="moves"></div>
      <h3>Сделки ждут: в команде никого нет на смене</h3>
      <div data-slot="waiting"></div>
      <h3>Инциденты процессов ShiftRelay</h3>
      <div data-slot="incidents"></div>
    </div>`;
  const slot = name => node.querySelector(`[data-slot="${name}"]`);
  let runs = [];
  let openRunId = null;
  let loading = false;

  async function loadMoves() {
    const runId = openRunId;
    if (!runId) {
      slot('moves').innerHTML = '';
      return;
    }
    try {
      const moves = await client.moves(runId);
      if (runId === openRunId) {
        slot('moves').innerHTML = movesTable(runs.find(run => run.id === runId), moves);
      }
    } catch (error) {
      slot('moves').innerHTML = problem(error);
    }
  }

  function showOpenRun() {
    node.querySelectorAll('tr[data-run-id]').forEach(row =>
      row.classList.toggle('shiftrelay-open', row.dataset.runId === openRunId));
  }

  async function load() {
    if (loading) {
      return;
    }
    loading = true;
    try {
      const [teams, recent, waiting, incidents] = await Promise.allSettled(
        [client.teams(), client.recentRuns(), client.waiting(), client.incidents()]);
      slot('teams').innerHTML = teams.status === 'fulfilled' ? teamsTable(teams.value) : problem(teams.reason);
      if (recent.status === 'fulfilled') {
        runs = recent.value;
        slot('runs').innerHTML = runsTable(runs, openRunId);
      } else {
        slot('runs').innerHTML = problem(recent.reason);
      }
      slot('waiting').innerHTML = waiting.status === 'fulfilled'
        ? waitingTable(waiting.value, teams.status === 'fulfilled' ? teams.value : [])
        : problem(waiting.reason);
      slot('incidents').innerHTML = incidents.status === 'fulfilled'
        ? incidentsTable(incidents.value)
        : problem(incidents.reason);
      await loadMoves();
      slot('updated').textContent = `Обновлено ${time(new Date().toISOString())}; обновляется само каждые 10 секунд.`;
    } finally {
      loading = false;
    }
  }

  node.addEventListener('click', event => {
    if (event.target.closest('[data-close-moves]')) {
      openRunId = null;
      showOpenRun();
      loadMoves();
      return;
    }
    const row = event.target.closest('tr[data-run-id]');
    if (row && slot('runs').contains(row)) {
      openRunId = row.dataset.runId;
      showOpenRun();
      loadMoves();
    }
  });

  return keepFresh(node, load);
}
