// The chat page: sends each message to /api/chat and shows the replies.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");

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
    if (kind === "bot") render(text, li); else li.textContent = text;
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

  async function send(text, shown, silent) {
    if (!silent) add("me", shown || text);
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
      for (const m of body.messages) add("bot", m.text, m.buttons, m.meta);
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
  // Open with the assistant's greeting (its words live in content/messages.yml).
  if (!sessionStorage.getItem("cjg-greeted")) {
    sessionStorage.setItem("cjg-greeted", "1");
    send("/greet", null, true);
  }

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
