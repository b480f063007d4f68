// Cockpit's configuration in ShiftRelay. Cockpit reads this file instead of the one in camunda-webapp-webjar
// (app/cockpit/scripts/config.js), whose settings are all commented out: everything not named here keeps
// Camunda's default. customScripts are ES modules, named relative to app/cockpit/.
export default {
  customScripts: ['shiftrelay/plugin.js']
};
