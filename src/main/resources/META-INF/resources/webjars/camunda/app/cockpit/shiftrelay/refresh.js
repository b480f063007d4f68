// The views refresh themselves while they are on the page, and stop when Cockpit takes them off it.

export const PERIOD_MS = 10_000;

/**
 * Calls load now and every 10 seconds while node is in the document; returns the function that stops it.
 * Cockpit attaches node right after render, so only the later rounds look whether it is still there.
 */
export function keepFresh(node, load) {
  let timer = setInterval(() => {
    if (node.isConnected) {
      load();
    } else {
      stop();
    }
  }, PERIOD_MS);
  function stop() {
    clearInterval(timer);
    timer = null;
  }
  load();
  return stop;
}

/**
 * The views one plugin has rendered. Cockpit calls a plugin's unmount (with no argument) when the view's
 * scope goes, before it removes the node and after it may have rendered the next view of the same plugin:
 * so unmount stops, a moment later, the views whose node is gone, not all of them.
 */
export function views() {
  const shown = new Set();
  return {
    add(node, stop) {
      shown.add({node, stop});
    },
    stopDetached() {
      setTimeout(() => {
        for (const view of shown) {
          if (!view.node.isConnected) {
            view.stop();
            shown.delete(view);
          }
        }
      });
    }
  };
}
