// Suggestions as the reader types in the search box (`#q`), from the Open API's search.
// The form works without this script; here we only add a list of links under the box.
// Keys: ArrowDown/ArrowUp move through the list, Enter opens the chosen item (or submits the
// form when none is chosen), Escape closes the list. Words come from the form's data-*
// attributes, which the page fills from the message catalogue.
(function () {
  "use strict";

  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!input || !list || !window.fetch) return;
  var form = input.form;
  var prefix = form.getAttribute("data-prefix") || "";
  var zh = form.getAttribute("data-lang") !== "en";
  var kindLabel = {
    port: form.getAttribute("data-kind-port") || "",
    country: form.getAttribute("data-kind-country") || "",
    organization: form.getAttribute("data-kind-organization") || ""
  };
  var collection = { port: "/ports/", country: "/countries/", organization: "/organizations/" };

  var active = -1;
  var timer = null;
  var latest = 0;
  var controller = null;

  function items() {
    return list.querySelectorAll("a");
  }

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(index) {
    var links = items();
    if (!links.length) return;
    if (index < -1) index = links.length - 1;
    if (index >= links.length) index = -1;
    for (var i = 0; i < links.length; i++) {
      links[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", links[index].id);
      links[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function itemName(result) {
    var first = zh ? result.name_zh : result.name_en;
    var second = zh ? result.name_en : result.name_zh;
    return first || second || result.id;
  }

  function show(results) {
    list.textContent = "";
    active = -1;
    if (!results.length) {
      close();
      return;
    }
    results.forEach(function (result, i) {
      var path = collection[result.kind] || "/countries/";
      var link = document.createElement("a");
      link.id = "suggestion-" + i;
      link.href = prefix + path + encodeURIComponent(result.id);
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      link.tabIndex = -1;

      var name = document.createElement("span");
      name.className = "name";
      name.textContent = itemName(result);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = (kindLabel[result.kind] || "") + (result.country ? " · " + result.country : "");
      link.appendChild(name);
      link.appendChild(meta);
      list.appendChild(link);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function ask(query) {
    var ticket = ++latest;
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var url = "/api/v1/search?q=" + encodeURIComponent(query) + "&limit=8";
    fetch(url, { headers: { Accept: "application/json" }, signal: controller && controller.signal })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (body) {
        // An answer to an older query must not replace a newer one.
        if (ticket !== latest || input.value.trim() !== query) return;
        show(Array.isArray(body.items) ? body.items : []);
      })
      .catch(function () {
        if (ticket === latest) close();
      });
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    clearTimeout(timer);
    if (!query) {
      latest++;
      close();
      return;
    }
    timer = setTimeout(function () { ask(query); }, 120);
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      choose(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      choose(active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = items()[active].href;
    } else if (event.key === "Escape") {
      close();
    }
  });

  input.addEventListener("blur", function () {
    // Wait a moment so a tap on a suggestion is still followed.
    setTimeout(function () {
      if (document.activeElement !== input) close();
    }, 200);
  });
})();
