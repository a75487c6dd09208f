// The chat page: sends each message to /api/chat and shows the replies. While a CJG worker
// has the conversation, their messages arrive live over Server-Sent Events.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const shown = new Set(); // seq numbers already on screen
  let lastSeq = 0;
  let stream = null;

  function conversationId() {
    let id = sessionStorage.getItem("cjg-conversation");
    if (!id) {
      id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2))
        .replace(/[^A-Za-z0-9_-]/g, "");
      sessionStorage.setItem("cjg-conversation", id);
    }
    return id;
  }

  // A small, safe subset of Markdown: paragraphs and "- " lists. No HTML from the server is trusted.
  function render(text, into) {
    for (const block of text.split(/\n\s*\n/)) {
      const lines = block.split("\n");
      const intro = lines.filter((l) => !l.startsWith("- "));
      const items = lines.filter((l) => l.startsWith("- "));
      if (intro.length) {
        const p = document.createElement("p");
        p.textContent = intro.join(" ");
        into.appendChild(p);
      }
      if (items.length) {
        const ul = document.createElement("ul");
        for (const item of items) {
          const li = document.createElement("li");
          li.textContent = item.slice(2);
          ul.appendChild(li);
        }
        into.appendChild(ul);
      }
    }
  }

  function add(kind, text, buttons, meta) {
    const li = document.createElement("li");
    li.className = "msg msg--" + kind + (meta && meta.safety ? " msg--safety" : "");
    const question = meta && (meta.triage_question || meta.handoff_question);
    if (question) li.dataset.question = question; // which question this is, for assistive tools and tests
    if (kind === "worker") {
      const who = document.createElement("strong");
      who.className = "msg__who";
      who.textContent = "Medewerker CJG";
      li.appendChild(who);
    }
    if (kind === "bot" || kind === "worker") render(text, li); else li.textContent = text;
    if (buttons && buttons.length) {
      const row = document.createElement("div");
      row.className = "buttons";
      for (const b of buttons) {
        const btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.title;
        btn.addEventListener("click", () => {
          row.querySelectorAll("button").forEach((x) => (x.disabled = true));
          send(b.payload, b.title);
        });
        row.appendChild(btn);
      }
      li.appendChild(row);
    }
    log.appendChild(li);
    li.scrollIntoView({ block: "end" });
  }

  // One message to the person, from the assistant or a worker; each seq is shown once.
  function receive(m) {
    if (m.seq) {
      if (shown.has(m.seq)) return;
      shown.add(m.seq);
      lastSeq = Math.max(lastSeq, m.seq);
    }
    const fromWorker = m.meta && m.meta.from === "medewerker";
    add(fromWorker ? "worker" : "bot", m.text, m.buttons, m.meta);
  }

  // Listen live while a worker has, or is about to take, the conversation.
  function follow(handoff) {
    const live = handoff && handoff.mode === "chat" && handoff.status !== "closed";
    if (live && !stream) {
      stream = new EventSource("/api/chat/" + conversationId() + "/events?after=" + lastSeq);
      stream.addEventListener("message", (event) => {
        const m = JSON.parse(event.data);
        receive(m);
        if (m.meta && m.meta.handoff && m.meta.handoff.status === "closed") follow(m.meta.handoff);
      });
    } else if (!live && stream) {
      stream.close();
      stream = null;
    }
  }

  async function send(text, label, silent) {
    if (!silent) add("me", label || text);
    try {
      const res = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ conversation_id: conversationId(), text: text }),
      });
      const body = await res.json();
      if (!res.ok) {
        add("error", body.error || "Er ging iets mis. Probeer het nog eens.");
        return;
      }
      for (const m of body.messages) receive(m);
      follow(body.handoff);
    } catch (e) {
      add("error", "Geen verbinding. Probeer het zo nog eens. Bij direct gevaar: bel 112.");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  // Open with the assistant's greeting (its words live in content/messages.yml); after a reload,
  // show what was said to the person so far and pick up a live chat where it was.
  async function resume() {
    const res = await fetch("/api/chat/" + conversationId() + "/messages?after=0");
    if (!res.ok) return;
    const body = await res.json();
    for (const m of body.messages) receive(m);
    follow(body.handoff);
  }
  // The day-and-night lines stay in the header, whatever the assistant makes of a message.
  async function showHelp() {
    const res = await fetch("/api/chat/help");
    if (!res.ok) return;
    const body = await res.json();
    const panel = document.getElementById("help");
    panel.querySelector("summary").textContent = body.title;
    const list = panel.querySelector("ul");
    for (const line of body.lines) {
      const li = document.createElement("li");
      li.textContent = line.text;
      list.appendChild(li);
    }
    panel.hidden = false;
  }
  showHelp();
  if (!sessionStorage.getItem("cjg-greeted")) {
    sessionStorage.setItem("cjg-greeted", "1");
    send("/greet", null, true);
  } else {
    resume();
  }

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
