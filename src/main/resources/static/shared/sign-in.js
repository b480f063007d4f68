"use strict";
/*
 * The sign-in form of a page of ours behind a login (the sandbox CRM's, the roster): it signs in with the Camunda
 * webapps' own login, so that one session serves Tasklist and the page alike, then opens the page.
 * <form data-page="/roster" data-logout="/roster/logout" data-wrong="..." data-failed="...">
 */
(() => {
  const WEBAPP_USER = "/camunda/api/admin/auth/user/default";

  function cookie(name) {
    const match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  /**
   * The webapps' CSRF token. Camunda hands it to a script in the X-XSRF-TOKEN header only when it makes one
   * for a session; its cookie belongs to /camunda, out of this page's reach. A session that has one already
   * (Tasklist was opened) is ended, and the next request starts one that hands it over.
   */
  async function webappToken(logout) {
    let probe = await fetch(WEBAPP_USER, {headers: {"Accept": "application/json"}});
    let token = probe.headers.get("X-XSRF-TOKEN");
    if (!token) {
      await fetch(logout, {method: "POST", headers: {"X-XSRF-TOKEN": cookie("XSRF-TOKEN")}});
      probe = await fetch(WEBAPP_USER, {headers: {"Accept": "application/json"}});
      token = probe.headers.get("X-XSRF-TOKEN");
    }
    return token;
  }

  const login = document.getElementById("login");
  login.onsubmit = async event => {
    event.preventDefault();
    const message = document.getElementById("message");
    message.textContent = "";
    const form = new FormData(login);
    try {
      const token = await webappToken(login.dataset.logout);
      // "welcome" is the webapps' start page, open to every user: any engine user may open our pages.
      const response = await fetch(WEBAPP_USER + "/login/welcome", {
        method: "POST",
        headers: {"X-XSRF-TOKEN": token || "", "Accept": "application/json"},
        body: new URLSearchParams({username: form.get("username"), password: form.get("password")})
      });
      if (response.status === 401) {
        message.textContent = login.dataset.wrong;
        return;
      }
      if (!response.ok) {
        message.textContent = login.dataset.failed + ": HTTP " + response.status + ".";
        return;
      }
      location.assign(login.dataset.page);
    } catch (e) {
      message.textContent = login.dataset.failed + ": " + e.message;
    }
  };
})();
