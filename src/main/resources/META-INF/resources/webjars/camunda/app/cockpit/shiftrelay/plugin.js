// ShiftRelay in Cockpit, through Cockpit's JavaScript plugin API (Camunda 7.14 and later): a panel on the
// dashboard, a page of its own at #/shiftrelay and its entry in the navigation. Loaded as a custom script
// (scripts/config.js); no build step, no dependencies.

import {renderDashboard} from './dashboard.js';
import {html} from './html.js';
import {renderPage} from './page.js';
import {views} from './refresh.js';

const PATH = '/shiftrelay';
const dashboards = views();
const pages = views();

export default [
  {
    id: 'shiftrelay.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 0,
    render: (node, {api}) => {
      dashboards.add(node, renderDashboard(node, api));
    },
    unmount: () => {
      dashboards.stopDetached();
    }
  },
  {
    id: 'shiftrelay.page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path: PATH},
    render: (node, {api}) => {
      pages.add(node, renderPage(node, api));
    },
    unmount: () => {
      pages.stopDetached();
    }
  },
  {
    id: 'shiftrelay.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 0,
    // Cockpit marks the entry active while the address contains this path.
    properties: {path: PATH},
    render: node => {
      node.innerHTML = html`<a href="#${PATH}" data-testid="shiftrelay-navigation">ShiftRelay</a>`;
    }
  }
];
