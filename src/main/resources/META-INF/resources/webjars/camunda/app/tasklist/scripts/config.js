// ShiftRelay's Tasklist: Russian for the managers (English for browsers that ask for English), and the
// plugin that tells a manager about a presence check while the Tasklist tab is in the background.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'ShiftRelay'
  },
  locales: {
    availableLocales: ['ru', 'en'],
    fallbackLocale: 'ru'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  customScripts: ['scripts/shiftrelay/presence-alerts.js'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
