// ShiftRelay in Tasklist's navigation bar: a manager whose Tasklist tab is in the background still learns
// of a presence check (desktop notification, a sound, the tab's title), and one whose check ran out is told
// in Russian what happened to their deals and how to get them back. The polling runs in a worker
// (presence-watch.js), whose timers keep running while the tab is hidden; this page shows what it posts.

const PRESENCE_CHECK = 'UserTask_ConfirmPresence';
const SHIFT_START = 'UserTask_StartShift';
// The worker's file next to this one, with this module's cache-busting query (Tasklist's ?bust=<version>).
const WATCH_URL = new URL(`presence-watch.js${new URL(import.meta.url).search}`, import.meta.url);

const TEXT = {
  enable: '🔔 Включить уведомления',
  enabled: '🔔 Уведомления включены',
  denied: '🔕 Уведомления запрещены',
  why: 'ShiftRelay покажет уведомление со звуком, когда нужно подтвердить, что вы на работе, даже если '
    + 'вкладка Tasklist в фоне. Без ответа ваши открытые сделки передадут коллегам на смене.',
  deniedHelp: 'Уведомления для этого сайта запрещены в настройках браузера. Разрешите их (значок замка '
    + 'слева от адреса), чтобы не пропустить проверку присутствия.',
  titlePrefix: '⚠ Подтвердите присутствие · ',
  checkTitle: 'Подтвердите, что вы на работе',
  checkBody: 'Откройте Tasklist и нажмите «Завершить». Без ответа ваши сделки передадут коллегам.',
  returnTitle: 'Вы снова на работе?',
  returnBody: 'Подтвердите в Tasklist, чтобы забрать свои сделки.',
  shiftStartTitle: 'Ваша смена началась',
  shiftStartBody: 'Откройте Tasklist и нажмите «Завершить» в задаче «Начать смену», чтобы получать сделки.',
  timedOutTitle: 'Время на ответ истекло',
  // What became of the deals, as the ledger tells: handed over, waiting for a colleague, or not known yet.
  timedOut: {
    handedOver: 'Вы не ответили на проверку присутствия вовремя, и ShiftRelay отметил вас как OFFLINE: ваши '
      + 'открытые сделки переданы коллегам на смене. Чтобы вернуть их, нажмите «Запустить процесс» вверху '
      + 'страницы и выберите «Начать смену» — сделки вернутся к вам.',
    waiting: 'Вы не ответили на проверку присутствия вовремя, и ShiftRelay отметил вас как OFFLINE. Из вашей '
      + 'команды сейчас никого нет на смене, поэтому ваши открытые сделки пока остаются за вами и ждут: их '
      + 'получит первый коллега, который выйдет на смену. Чтобы оставить их себе, нажмите «Запустить процесс» '
      + 'вверху страницы и выберите «Начать смену».',
    unknown: 'Вы не ответили на проверку присутствия вовремя, и ShiftRelay отметил вас как OFFLINE. Чтобы '
      + 'вернуться на смену, нажмите «Запустить процесс» вверху страницы и выберите «Начать смену»: сделки, '
      + 'переданные коллегам, вернутся к вам.'
  },
  close: 'Закрыть'
};

class Chime {
  constructor() {
    this.context = null;
  }

  // Browsers let a page make sound only after the user did something on it: the button's click unlocks it.
  unlock() {
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!this.context && AudioContext) {
      this.context = new AudioContext();
    }
    if (this.context && this.context.state === 'suspended') {
      this.context.resume().catch(() => {});
    }
  }

  play() {
    try {
      this.unlock();
      if (!this.context) {
        return;
      }
      [0, 0.35].forEach((offset) => {
        const start = this.context.currentTime + offset;
        const tone = this.context.createOscillator();
        const volume = this.context.createGain();
        tone.frequency.value = 880;
        volume.gain.setValueAtTime(0.25, start);
        volume.gain.exponentialRampToValueAtTime(0.001, start + 0.3);
        tone.connect(volume).connect(this.context.destination);
        tone.start(start);
        tone.stop(start + 0.3);
      });
    } catch (e) {
      // No sound is no reason to miss the notification itself.
    }
  }
}

class PresenceAlerts {
  constructor(node, api) {
    this.api = api;
    this.node = node;
    this.chime = new Chime();
  }

  start() {
    this.renderButton();
    this.watch = new Worker(WATCH_URL);
    this.watch.addEventListener('message', (event) => this.show(event.data));
    this.watch.postMessage({
      type: 'start',
      api: { adminApi: this.api.adminApi, engineApi: this.api.engineApi, engine: this.api.engine }
    });
  }

  renderButton() {
    const button = document.createElement('a');
    button.href = '';
    button.setAttribute('data-testid', 'shiftrelay-notifications');
    button.addEventListener('click', (event) => {
      event.preventDefault();
      this.chime.unlock();
      if ('Notification' in window && Notification.permission === 'default') {
        Notification.requestPermission().then(() => this.updateButton());
      } else if ('Notification' in window && Notification.permission === 'denied') {
        window.alert(TEXT.deniedHelp);
      }
    });
    this.button = button;
    this.node.appendChild(button);
    this.updateButton();
  }

  updateButton() {
    if (!('Notification' in window)) {
      this.button.style.display = 'none';
      return;
    }
    const permission = Notification.permission;
    this.button.textContent = permission === 'granted' ? TEXT.enabled
      : permission === 'denied' ? TEXT.denied : TEXT.enable;
    this.button.title = permission === 'denied' ? TEXT.deniedHelp : TEXT.why;
  }

  show(message) {
    if (message.type === 'checks') {
      message.added.forEach((task) => this.announce(task));
      const title = document.title.replace(TEXT.titlePrefix, '');
      document.title = message.open.length > 0 ? TEXT.titlePrefix + title : title;
    } else if (message.type === 'ranOut') {
      this.showTimedOut(TEXT.timedOut[message.deals] || TEXT.timedOut.unknown);
    }
  }

  announce(task) {
    const [title, body] = task.taskDefinitionKey === PRESENCE_CHECK ? [TEXT.checkTitle, TEXT.checkBody]
      : task.taskDefinitionKey === SHIFT_START ? [TEXT.shiftStartTitle, TEXT.shiftStartBody]
        : [TEXT.returnTitle, TEXT.returnBody];
    this.chime.play();
    if ('Notification' in window && Notification.permission === 'granted') {
      const notification = new Notification(title, {
        body,
        tag: `shiftrelay-${task.id}`,
        requireInteraction: true
      });
      notification.onclick = () => {
        window.focus();
        window.location.hash = `#/?task=${encodeURIComponent(task.id)}`;
        notification.close();
      };
    }
  }

  showTimedOut(explanation) {
    if (document.querySelector('[data-testid="shiftrelay-timed-out"]')) {
      return;
    }
    const banner = document.createElement('div');
    banner.setAttribute('data-testid', 'shiftrelay-timed-out');
    banner.setAttribute('role', 'alert');
    banner.className = 'alert alert-warning';
    banner.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);z-index:2000;'
      + 'max-width:640px;box-shadow:0 2px 8px rgba(0,0,0,.3)';
    const title = document.createElement('strong');
    title.textContent = TEXT.timedOutTitle;
    const text = document.createElement('p');
    text.textContent = explanation;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn btn-default btn-sm';
    close.textContent = TEXT.close;
    close.addEventListener('click', () => banner.remove());
    banner.append(title, text, close);
    document.body.appendChild(banner);
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      new Notification(TEXT.timedOutTitle, { body: explanation, tag: 'shiftrelay-timed-out' });
    }
  }
}

export default {
  id: 'shiftrelay.presenceAlerts',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render(node, { api }) {
    new PresenceAlerts(node, api).start();
  }
};
