// The "ShiftRelay" panel of Cockpit's dashboard: per team, how many managers are on shift, being asked to
// confirm, and away; and the way to ShiftRelay's own page.

import {shiftRelay} from './api.js';
import {html, STATES, STATE_NAMES, named, problem, time} from './html.js';
import {keepFresh} from './refresh.js';
import {addStyle} from './style.js';

function counts(teams) {
  if (teams.length === 0) {
    return html`<p class="shiftrelay-empty">Команд пока нет: ShiftRelay ещё не читал пользователей CRM.</p>`;
  }
  return html`
    <table class="table table-condensed" data-testid="shiftrelay-dashboard-counts">
      <thead>
        <tr><th>Команда</th>${STATES.map(state => html`<th class="shiftrelay-state shiftrelay-state-${state}">${STATE_NAMES[state]}</th>`)}</tr>
      </thead>
      <tbody>
        ${teams.map(team => html`
          <tr data-team-id="${team.id ?? ''}">
            <td>${team.id == null ? 'Без команды' : named(team)}</td>
            ${STATES.map(state => html`<td class="shiftrelay-count" data-state="${state}">${team.counts[state]}</td>`)}
          </tr>`)}
      </tbody>
    </table>`;
}

export function renderDashboard(node, api) {
  addStyle();
  const client = shiftRelay(api);
  node.innerHTML = html`
    <section class="shiftrelay" data-testid="shiftrelay-dashboard">
      <h3 class="section-title">ShiftRelay</h3>
      <div data-slot="counts"></div>
      <p><a href="#/shiftrelay" data-testid="shiftrelay-dashboard-link">Страница ShiftRelay: кто на смене, передачи, ожидающие сделки, инциденты</a></p>
    </section>`;
  const slot = node.querySelector('[data-slot="counts"]');
  return keepFresh(node, async () => {
    try {
      const teams = await client.teams();
      slot.innerHTML = html`${counts(teams)}<p class="shiftrelay-updated">Обновлено ${time(new Date().toISOString())}</p>`;
    } catch (error) {
      slot.innerHTML = problem(error);
    }
  });
}
