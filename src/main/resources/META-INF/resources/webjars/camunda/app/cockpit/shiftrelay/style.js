// The few styles of the ShiftRelay views, on top of Cockpit's own (Bootstrap 3) classes; added to the page once.

const CSS = `
.shiftrelay-page { padding: 0 20px 20px; }
.shiftrelay h3 { margin-top: 24px; }
.shiftrelay .shiftrelay-updated { color: #777; font-size: 12px; }
.shiftrelay .shiftrelay-error { color: #b94a48; }
.shiftrelay .shiftrelay-empty { color: #777; font-style: italic; }
.shiftrelay td.shiftrelay-count { text-align: right; width: 9em; }
.shiftrelay .shiftrelay-state { font-weight: bold; }
.shiftrelay .shiftrelay-state-ONLINE { color: #3c763d; }
.shiftrelay .shiftrelay-state-CONFIRMING { color: #8a6d3b; }
.shiftrelay .shiftrelay-state-OFFLINE { color: #777; }
.shiftrelay tr.shiftrelay-running td { background-color: #fcf8e3; }
.shiftrelay tr.shiftrelay-open td { background-color: #d9edf7; }
.shiftrelay tbody.shiftrelay-team th { background-color: #f5f5f5; }
.shiftrelay button.btn-link { padding: 0; }
`;

export function addStyle() {
  if (!document.getElementById('shiftrelay-style')) {
    const style = document.createElement('style');
    style.id = 'shiftrelay-style';
    style.textContent = CSS;
    document.head.appendChild(style);
  }
}
