// HTML for the ShiftRelay views. Names and notes come from the CRM and from the CRM's answers: every value put
// into a template is escaped, unless it is markup this module made itself (a nested html`...`).

const ENTITIES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

class Markup {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

export function escape(value) {
  return String(value ?? '').replace(/[&<>"']/g, character => ENTITIES[character]);
}

function piece(value) {
  if (value instanceof Markup) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return value.map(piece).join('');
  }
  return escape(value);
}

/** A template tag: html`<td>${name}</td>` escapes name; arrays and nested html`` are joined as they are. */
export function html(strings, ...values) {
  return new Markup(strings.reduce((text, part, i) => text + piece(values[i - 1]) + part));
}

export const STATES = ['ONLINE', 'CONFIRMING', 'OFFLINE'];

export const STATE_NAMES = {
  ONLINE: 'На смене',
  CONFIRMING: 'Подтверждает',
  OFFLINE: 'Не на смене'
};

export const KIND_NAMES = {HANDOVER: 'Передача', RETURN: 'Возврат'};

export const RUN_STATUS_NAMES = {
  PLANNED: 'Идёт запись',
  WAITING: 'Ждёт коллегу',
  DONE: 'Завершена',
  SUPERSEDED: 'Заменена следующей'
};

export const MOVE_STATUSES = ['PLANNED', 'WRITTEN', 'WAITING', 'SKIPPED', 'REJECTED'];

export const MOVE_STATUS_NAMES = {
  PLANNED: 'Запланирована',
  WRITTEN: 'Записана',
  WAITING: 'Ждёт',
  SKIPPED: 'Пропущена',
  REJECTED: 'Отклонена CRM'
};

const TIME = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
});

/** A moment of the API (ISO-8601) as a Russian reader reads it; a dash for none. */
export function time(instant) {
  return instant ? TIME.format(new Date(instant)) : '—';
}

/** How long ago, roughly: "5 мин", "2 ч 10 мин", "3 дн". */
export function ago(instant, now = Date.now()) {
  if (!instant) {
    return '';
  }
  const minutes = Math.max(0, Math.floor((now - new Date(instant).getTime()) / 60000));
  if (minutes < 60) {
    return `${minutes} мин`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return `${hours} ч ${minutes % 60} мин`;
  }
  return `${Math.floor(hours / 24)} дн`;
}

/** A manager or team of the API ({id, name}) by name, or by id when ShiftRelay no longer knows the name. */
export function named(who) {
  if (!who) {
    return '—';
  }
  return who.name ?? `№ ${who.id}`;
}

/** Why a section could not be loaded, in words an admin can act on. */
export function problem(error) {
  if (error && error.status === 401) {
    return html`<p class="shiftrelay-error">Сессия Cockpit закончилась: войдите снова.</p>`;
  }
  if (error && error.status === 403) {
    return html`<p class="shiftrelay-error">Это видят только администраторы ShiftRelay (группа camunda-admin).</p>`;
  }
  return html`<p class="shiftrelay-error">Не удалось загрузить: ${error && error.message}</p>`;
}
