// The staff inbox: log in, watch the hand-off queue, read the summary and chat with the person.
// Server data is only ever put on the page as text (textContent / append of strings), never as HTML.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const MODES = { chat: "chat", callback: "terugbellen", message: "bericht" };
  const STATUS = { waiting: "Wacht op een medewerker", active: "In gesprek", closed: "Afgesloten" };
  const WHO = { ouder: "Ouder", jongere: "Jongere", persoon: "Persoon", bot: "Assistent", medewerker: "Medewerker" };
  const KINDS = { suicide: "zelfdoding", selfharm: "zelfbeschadiging", violence: "geweld", abuse: "misbruik",
    neglect: "verwaarlozing", parent_overload: "ouder overbelast", missing: "vermist", exploitation: "uitbuiting" };
  // Keyed by consent.given (true/false); null or missing means the question was not asked.
  const CONSENT = { true: "Toestemming gegeven", false: "Geen toestemming: alleen niveau en onderwerp" };
  const EMPTY = { waiting: "Niemand wacht.", active: "Er loopt nu geen gesprek.", closed: "Nog niets afgesloten." };
  const JSON_TYPE = { "Content-Type": "application/json" };
  const LOGIN_ERRORS = { 401: "Gebruikersnaam of wachtwoord klopt niet.",
    429: "Je hebt het te vaak geprobeerd. Wacht een paar minuten en probeer het dan opnieuw." };
  // selected: the open hand-off; live/seq: whose live chat is shown and the last message seq on screen;
  // running/again: the refetch under way and whether another one was asked for meanwhile.
  const state = { me: null, selected: null, items: {}, names: {}, live: null, seq: -1, running: null, again: false };

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (tag === "button") node.type = "button";
    if (className) node.className = className;
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  function fill(id, items, make, empty) {
    $(id).replaceChildren(...items.map(make));
    if (!items.length) $(id).append(el("li", "empty", empty));
  }

  function setText(id, text) {
    $(id).textContent = text || "";
    $(id).hidden = !text;
  }

  function say(text) {
    $("status").textContent = text || "";
    clearTimeout(state.sayTimer);
    if (text) state.sayTimer = setTimeout(() => ($("status").textContent = ""), 10000);
  }

  const name = (user) => (state.me && user === state.me.username ? "jou" : state.names[user] || user);
  const topics = (h) => (h.topic_labels || []).join(", ") || "Geen onderwerp";
  const badge = (level) => el("span", "badge badge--" + level, el("span", "visually-hidden", "Niveau "), level);
  const clock = (at) => (at ? new Date(at).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" }) : "");

  // fetch with the session cookie; JSON in and out. Errors carry the server's `error` text and the status.
  async function api(path, method, body) {
    const opts = { method: method || "GET", credentials: "same-origin" };
    if (body !== undefined) Object.assign(opts, { headers: JSON_TYPE, body: JSON.stringify(body) });
    const res = await fetch(path, opts).catch(() => null);
    if (!res) throw Object.assign(new Error("Geen verbinding met de server. Probeer het zo nog eens."), { status: 0 });
    if (res.status === 204) return null;
    const data = await res.json().catch(() => ({}));
    if (res.ok) return data;
    const text = data.error || "Er ging iets mis (" + res.status + "). Probeer het nog eens.";
    throw Object.assign(new Error(text), { status: res.status });
  }

  // 401 means the session is gone; anything else goes to the status line.
  function fail(err) {
    if (err.status === 401) showLogin("Je bent niet (meer) ingelogd. Log opnieuw in.");
    else say(err.message);
  }

  // Runs work with the button disabled, so a double click does not send twice.
  async function busy(btn, work) {
    if (btn) btn.disabled = true;
    try {
      return await work();
    } finally {
      if (btn) btn.disabled = false;
    }
  }

  // POST to the open hand-off. Answers null after an error (already shown).
  function post(path, body, btn) {
    const url = "/api/staff/handoffs/" + encodeURIComponent(state.selected) + path;
    return busy(btn, () => api(url, "POST", body)).catch((err) => {
      fail(err);
      if (err.status === 409) refresh(); // someone else was quicker: show how things are now
      return null;
    });
  }

  function showView(loggedIn) {
    $("login-view").hidden = loggedIn;
    $("inbox").hidden = !loggedIn;
    $("logout").hidden = !loggedIn;
    $("me-name").textContent = loggedIn ? "Ingelogd als " + state.me.display_name : "";
  }

  function showLogin(message) {
    if (state.events) state.events.close();
    clearInterval(state.timer);
    Object.assign(state, { me: null, selected: null, events: null, live: null });
    showView(false);
    say(message);
    $("username").focus();
  }

  async function start() {
    state.me = await api("/api/staff/me");
    const outcomes = (state.me.outcomes || []).map((o) => new Option(o.label, o.id));
    $("outcome").replaceChildren($("outcome").options[0], ...outcomes);
    showView(true);
    showDetail(false);
    say("");
    openEvents();
    state.timer = setInterval(refresh, 15000); // fallback when events are missed
    await refresh();
  }

  function openEvents() {
    const source = new EventSource("/api/staff/events");
    source.addEventListener("changed", refresh);
    // The browser reconnects by itself; only when it gives up (CLOSED) do we try again, quietly.
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return;
      setTimeout(() => state.events === source && state.me && openEvents(), 5000);
    };
    state.events = source;
  }

  // One refetch at a time; a burst of "changed" events leads to one more afterwards.
  function refresh() {
    if (state.running) state.again = true;
    if (!state.me || state.running) return state.running;
    state.again = false;
    state.running = load().finally(() => {
      state.running = null;
      if (state.again) refresh();
    });
    return state.running;
  }

  async function load() {
    try {
      const get = (status) => api("/api/staff/handoffs?status=" + status);
      const [waiting, active, closed, workers] = await Promise.all(
        [get("waiting"), get("active"), get("closed"), api("/api/staff/workers")]);
      if (!state.me) return; // logged out meanwhile
      state.names = Object.fromEntries(workers.map((w) => [w.username, w.display_name]));
      state.items = Object.fromEntries([...waiting, ...active, ...closed].map((h) => [h.id, h]));
      Object.entries({ waiting, active, closed }).forEach(([status, items]) => {
        $("count-" + status).textContent = "(" + items.length + ")";
        fill("list-" + status, items, queueItem, EMPTY[status]);
      });
      renderWorkers(workers);
      if (state.selected) await loadDetail();
    } catch (err) {
      fail(err);
    }
  }

  function queueItem(h) {
    const li = el("li", "queue-item level-" + h.level + (h.alert ? " is-alert" : ""));
    li.dataset.id = h.id;
    li.dataset.level = h.level;
    const minutes = Math.floor((h.waiting_seconds || 0) / 60);
    const meta = [
      h.status === "waiting" ? (minutes ? "wacht " + minutes + " min" : "wacht minder dan 1 min") : null,
      MODES[h.mode] || h.mode,
      h.claimed_by ? "bij " + name(h.claimed_by) : "nog vrij",
    ].filter(Boolean).join(" · ");
    li.append(el("button", "queue-item__open", badge(h.level), el("span", "queue-item__topics", topics(h)),
      h.alert ? el("span", "alert-mark", "⚠ signaal") : null, el("span", "queue-item__meta", meta)));
    li.addEventListener("click", () => select(h.id));
    markSelected(li);
    return li;
  }

  function markSelected(li) {
    const on = li.dataset.id === state.selected;
    li.classList.toggle("is-selected", on);
    li.firstElementChild.setAttribute("aria-current", String(on));
  }

  // Each colleague with what they hold; a chip opens that hand-off.
  function renderWorkers(workers) {
    fill("workers", workers, (w) => {
      const held = (w.holding || []).map((id) => {
        const h = state.items[id];
        const chip = el("button", "chip", h ? h.level + " · " + topics(h) : "gesprek " + id.slice(0, 6));
        chip.addEventListener("click", () => select(id));
        return chip;
      });
      return el("li", "worker" + (w.online ? " is-online" : ""),
        el("span", "worker__dot", el("span", "visually-hidden", w.online ? "online: " : "offline: ")),
        el("strong", null, w.display_name + (w.username === state.me.username ? " (jij)" : "")),
        el("span", "worker__holds", ...(held.length ? ["heeft ", ...held] : ["heeft niets"])));
    }, "Nog geen collega's.");
  }

  function showDetail(on) {
    $("detail-empty").hidden = on;
    $("detail-body").hidden = !on;
  }

  async function select(id) {
    // Never send a half-typed answer to the wrong person.
    if (id !== state.selected) ["reply", "close"].forEach((form) => $(form).reset());
    state.selected = id;
    document.querySelectorAll(".queue-item").forEach(markSelected);
    await loadDetail();
    $("detail-title").focus();
  }

  async function loadDetail() {
    const id = state.selected;
    try {
      const detail = await api("/api/staff/handoffs/" + encodeURIComponent(id));
      if (id === state.selected) renderDetail(detail);
    } catch (err) {
      if (err.status === 404) {
        state.selected = null;
        showDetail(false);
      }
      fail(err);
    }
  }

  function renderDetail(d) {
    const s = d.summary || {};
    const kinds = (d.signal_kinds || []).map((k) => KINDS[k] || k);
    showDetail(true);
    setText("notice", s.notice);
    setText("danger", d.alert || kinds.length ? "Let op: signaal van gevaar in dit gesprek" +
      (kinds.length ? " (" + kinds.join(", ") + ")" : "") : "");
    $("detail-title").replaceChildren(badge(d.level), " ", topics(d));
    $("detail-meta").textContent = [STATUS[d.status] || d.status, MODES[d.mode] || d.mode,
      d.claimed_by ? "opgepakt door " + name(d.claimed_by) : "nog niet opgepakt"].join(" · ");
    setText("closed-info", d.status === "closed" ? closedText(d) : "");
    renderSummary(d, s);
    fill("transcript", s.transcript || [], (m) => message(m.from, m.text), "Niet gedeeld: geen toestemming.");
    renderLive(d);
    const mine = d.claimed_by === state.me.username && d.status !== "closed";
    $("claim").hidden = mine || d.status === "closed";
    ["release", "reply", "close"].forEach((id) => ($(id).hidden = !mine));
  }

  function closedText(d) {
    const outcome = (state.me.outcomes || []).find((o) => o.id === d.outcome);
    return "Uitkomst: " + (outcome ? outcome.label : d.outcome || "onbekend") + (d.note ? ". Notitie: " + d.note : "");
  }

  function renderSummary(d, s) {
    fill("summary-lines", d.summary_lines || [], (line) => el("li", null, line), "Geen samenvatting.");
    const reasons = (s.reasons || []).map((r) => el("li", null, r.text));
    const contact = s.contact || {};
    const facts = [
      ["Niveau", el("div", null, badge(d.level), reasons.length ? el("ul", "reasons", ...reasons) : null)],
      ["Toestemming", CONSENT[(s.consent || {}).given] || "Niet gevraagd"],
      ["Contact", [MODES[contact.mode] || contact.mode || "onbekend", contact.phone, contact.preferred_time]
        .filter(Boolean).join(" · ")],
    ];
    const pairs = facts.flatMap(([term, value]) => [el("dt", null, term), el("dd", null, value)]);
    $("summary-facts").replaceChildren(...pairs);
  }

  function message(from, text, at) {
    const who = (WHO[from] || from) + (clock(at) ? " · " + clock(at) : "");
    return el("li", "msg msg--" + from, el("span", "msg__who", who), el("span", "msg__text", text));
  }

  // Append only new messages, so the aria-live region announces just what is new.
  function renderLive(d) {
    if (state.live !== d.id) {
      $("live").replaceChildren();
      Object.assign(state, { live: d.id, seq: -1 });
    }
    const fresh = (d.messages || []).filter((m) => m.seq > state.seq);
    if (!fresh.length) return;
    $("live").append(...fresh.map((m) => message(m.from, m.text, m.at)));
    state.seq = fresh[fresh.length - 1].seq;
    $("live").scrollTop = $("live").scrollHeight;
  }

  function done(detail, text) {
    if (!detail) return;
    say(text);
    renderDetail(detail);
    refresh();
  }

  $("login").addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { username: $("username").value.trim(), password: $("password").value };
    busy(event.submitter, async () => {
      await api("/api/staff/login", "POST", body);
      $("password").value = "";
      await start();
    }).catch((err) => say(LOGIN_ERRORS[err.status] || err.message));
  });

  $("logout").addEventListener("click", async () => {
    // Logged out on this page either way; if the call fails the cookie still expires by itself.
    await api("/api/staff/logout", "POST").catch(() => null);
    showLogin("Je bent uitgelogd.");
  });

  const ACTIONS = { claim: "Je hebt dit gesprek opgepakt.", release: "Het gesprek staat weer in de rij." };
  Object.entries(ACTIONS).forEach(([action, text]) => $(action).addEventListener("click", async (event) =>
    done(await post("/" + action, undefined, event.currentTarget), text)));

  $("close").addEventListener("submit", async (event) => {
    event.preventDefault();
    const outcome = $("outcome").value;
    if (!outcome) {
      say("Kies eerst een uitkomst. Daarna kun je het gesprek afsluiten.");
      $("outcome").focus();
      return;
    }
    const detail = await post("/close", { outcome, note: $("note").value.trim() }, event.submitter);
    if (detail) $("close").reset();
    done(detail, "Het gesprek is afgesloten.");
  });

  $("reply").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("reply-text").value.trim();
    if (!text || !(await post("/messages", { text }, event.submitter))) return;
    $("reply-text").value = "";
    await loadDetail();
    $("reply-text").focus();
  });

  // Enter sends, Shift+Enter starts a new line.
  $("reply-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      const send = $("reply").querySelector("button[type=submit]");
      if (!send.disabled) $("reply").requestSubmit(send);
    }
  });

  // On load: a valid session cookie skips the login.
  start().catch((err) => showLogin(err.status === 401 ? "" : err.message));
})();
