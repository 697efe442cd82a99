/* meldform: the script of a blank, fillable form. Generic: it knows nodes (groups, repeats, fields),
   widgets and conditions from the data- attributes the generator writes, never a field name.
   It reads and writes no storage and makes no network request; text it shows is set with
   textContent, never innerHTML. */
(function () {
  "use strict";

  var form = document.getElementById("meldformulier");
  if (!form) { return; }
  var W = JSON.parse(form.getAttribute("data-words"));
  /* The field kinds, written by the generator from the layout model's enum (meldform.model.kinds.Kind):
     this script names them K.PERSONS, K.HIDDEN, ... and never spells a kind itself. */
  var K = JSON.parse(form.getAttribute("data-kinds"));
  var MELDER = form.getAttribute("data-melder-ref");
  var NAME_DISPLAY = form.getAttribute("data-name-display");
  var statusEl = document.getElementById("meldform-status");
  var errorsEl = document.getElementById("fouten");
  var fileInput = document.getElementById("bestand-openen");
  var PICKERS = ofKind([K.PERSONS, K.PERSON, K.PERSON_OR_MELDER], "");
  var uid = 0;
  var dirty = false;
  var updating = false;
  var pickerState = new WeakMap(); // picker field -> ids chosen, in the order chosen
  var pickerSig = new WeakMap(); // picker field -> the persons its options were built from
  var partState = new WeakMap(); // part picker field -> the node chosen (or, from a file, a place the form cannot show)
  var partSig = new WeakMap(); // part picker field -> the options it was built from
  var partChoices = new WeakMap(); // part picker field -> the parts it offers now ({ node, pointer, label })

  // -- small helpers ------------------------------------------------------------------------------
  function fmt(text, params) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : all;
    });
  }
  /* A selector for the fields of these kinds (and ``inner``: what inside them). */
  function ofKind(kinds, inner) {
    return kinds.map(function (k) { return '[data-kind="' + k + '"]' + inner; }).join(", ");
  }
  /* meldform's one text-cleaning rule (meldform/cleaning.py) for every text taken from a file: line
     ends become "\n", characters no output may hold (controls, lone surrogates, non-characters) a
     space, bidi embeddings, overrides and isolates dropped. tests/test_attack_browser.py holds the
     two to the same result for every character. */
  var FORBIDDEN_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/gu;
  var BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;
  function clean(text) {
    return String(text).replace(/\r\n?/g, "\n").replace(BIDI_CONTROLS, "").replace(FORBIDDEN_CHARS, " ");
  }
  function oneLine(text) { return clean(text).replace(/\n/g, " "); }
  function toArray(list) { return Array.prototype.slice.call(list); }
  function nodeType(el) { return el.getAttribute("data-node"); }
  function keyOf(el) { return el.getAttribute("data-key"); }
  function kindOf(el) { return el.getAttribute("data-kind"); }
  function jsonAttr(el, name) {
    var raw = el.getAttribute(name);
    return raw ? JSON.parse(raw) : null;
  }
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  /* The nodes directly below a group (its children) or a repeat (its items). */
  function nodeChildren(el) {
    var out = [];
    (function walk(parent) {
      for (var c = parent.firstElementChild; c; c = c.nextElementSibling) {
        if (c.tagName === "TEMPLATE") { continue; }
        if (c.hasAttribute("data-node")) { out.push(c); } else { walk(c); }
      }
    })(el);
    return out;
  }
  function parentNodeOf(el) {
    var p = el.parentElement;
    return p ? p.closest("[data-node]") : null;
  }
  function childByKey(group, key) {
    var list = nodeChildren(group);
    for (var i = 0; i < list.length; i++) { if (keyOf(list[i]) === key) { return list[i]; } }
    return null;
  }
  function directChild(el, test) {
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) { if (test(c)) { return c; } }
    return null;
  }
  function isShown(el) { return !el.closest("[hidden]"); }
  function controls(el) { return toArray(el.querySelectorAll("input, select, textarea")); }
  function mainControl(el) { return el.querySelector("input, select, textarea"); }
  function isItem(el) { return el.hasAttribute("data-item"); }

  // -- dates: typed day-month-year, whatever the browser's locale; saved as JJJJ-MM-DD -------------
  var DATE_DMY = /^(\d{1,2})\s*[-\/.]\s*(\d{1,2})\s*[-\/.]\s*(\d+)$/;
  var DATE_DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
  var DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  function pad2(n) { return (n < 10 ? "0" : "") + n; }
  /* What a typed date means: { value: "2026-12-01" } or { problem: a sentence }; empty is neither.
     A date that does not exist (31-02, day or month 0) is refused, never moved to another day. */
  function parseDate(text) {
    var t = String(text).trim();
    if (t === "") { return { value: undefined, problem: "" }; }
    var d, m, y;
    var match = DATE_ISO.exec(t);
    if (match) {
      y = match[1]; m = match[2]; d = match[3];
    } else if ((match = DATE_DMY.exec(t) || DATE_DIGITS.exec(t))) {
      d = match[1]; m = match[2]; y = match[3];
    } else {
      return { value: undefined, problem: /^\d+$/.test(t) && t.length > 8 ? W.datum_jaar : W.datum_vorm_fout };
    }
    if (y.length !== 4 || Number(y) < 1900 || Number(y) > 2199) { return { value: undefined, problem: W.datum_jaar }; }
    var year = Number(y), month = Number(m), day = Number(d);
    var days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
    if (day < 1 || day > days) { return { value: undefined, problem: W.datum_bestaat_niet }; }
    return { value: y + "-" + pad2(month) + "-" + pad2(day), problem: "" };
  }
  /* "2026-12-01" shown as "01-12-2026". */
  function showDate(iso) {
    var match = DATE_ISO.exec(iso);
    return match ? match[3] + "-" + match[2] + "-" + match[1] : iso;
  }
  function dateInputs() { return toArray(form.querySelectorAll(ofKind([K.DATE], " input"))); }
  /* The message beside a field (and aria-invalid, aria-describedby), or none. */
  function markField(control, message) {
    var field = control.closest('[data-node="field"]');
    var box = field ? field.querySelector("[data-field-error]") : null;
    if (!box) { return; }
    box.textContent = message;
    box.hidden = !message;
    var ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== box.id; });
    if (message) { ids.push(box.id); }
    if (ids.length) { control.setAttribute("aria-describedby", ids.join(" ")); } else { control.removeAttribute("aria-describedby"); }
    if (message) { control.setAttribute("aria-invalid", "true"); } else { control.removeAttribute("aria-invalid"); }
  }
  /* A date as the person left it: written out as dd-mm-jjjj when it is one, its problem shown when not. */
  function settleDate(input) {
    var parsed = parseDate(input.value);
    if (parsed.value) { input.value = showDate(parsed.value); }
    markField(input, input.disabled ? "" : parsed.problem);
  }

  // -- reading values -----------------------------------------------------------------------------
  function readField(el) {
    var kind = kindOf(el);
    if (kind === K.HIDDEN) { return JSON.parse(el.getAttribute("data-value")); }
    if (kind === K.PERSONS) {
      var chosen = (pickerState.get(el) || []).slice();
      return chosen.length ? chosen : undefined;
    }
    if (kind === K.PART) { return partPointer(partState.get(el)); }
    if (kind === K.BOOLEAN || kind === K.TRISTATE) {
      var radio = el.querySelector("input:checked");
      if (!radio || radio.value === "") { return undefined; }
      return radio.value === "true";
    }
    if (kind === K.ENUM_MULTI) {
      var values = toArray(el.querySelectorAll("input:checked")).map(function (b) { return b.value; });
      return values.length ? values : undefined;
    }
    if (kind === K.ENUM && !el.querySelector("select")) {
      var picked = el.querySelector("input:checked");
      return picked ? picked.value : undefined;
    }
    var control = mainControl(el);
    if (!control) { return undefined; }
    if (kind === K.TEXT_LIST) {
      var lines = control.value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(function (l) { return l !== ""; });
      return lines.length ? lines : undefined;
    }
    if (kind === K.DATE) { return parseDate(control.value).value; }
    if (kind === K.INTEGER) {
      if (control.value === "") { return undefined; }
      var number = Number(control.value);
      return Number.isFinite(number) ? number : undefined;
    }
    return control.value.trim() === "" ? undefined : control.value;
  }

  /* The JSON value of a node: undefined when hidden or empty (no "", no {}, no []). */
  function collect(el) {
    if (el.hidden) { return undefined; }
    var type = nodeType(el);
    if (type === "field") { return readField(el); }
    if (type === "repeat") {
      var list = [];
      nodeChildren(el).forEach(function (item) {
        var v = collect(item);
        if (v !== undefined) { list.push(v); }
      });
      return list.length ? list : (mayBeEmpty(el) && isShown(el) ? [] : undefined);
    }
    var obj = {};
    var any = false;
    nodeChildren(el).forEach(function (child) {
      var v = collect(child);
      if (v !== undefined) { obj[keyOf(child)] = v; any = true; }
    });
    return any ? obj : undefined;
  }

  // -- conditions (layout.Condition: a sibling equals a value, or not) -----------------------------
  function holds(el, cond) {
    var group = parentNodeOf(el);
    var sibling = group ? childByKey(group, cond.key) : null;
    var value = sibling ? collect(sibling) : undefined;
    var matches = value !== undefined && value === cond.value;
    return cond.negate ? !matches : matches;
  }
  function visibleNow(el) {
    var conds = jsonAttr(el, "data-visible-when");
    return !conds || conds.every(function (c) { return holds(el, c); });
  }
  function requiredNow(el) {
    if (el.hasAttribute("data-required")) { return true; }
    var conds = jsonAttr(el, "data-required-when");
    return !!conds && conds.some(function (c) { return holds(el, c); });
  }
  /* A group counts when it is shown and required, or when anything in it is filled in: an optional
     group's required fields are only required once the group is used. */
  function active(group) {
    if (!group) { return true; }
    if (!isShown(group)) { return false; }
    if (group.hasAttribute("data-root") || isItem(group)) { return true; }
    if (!active(parentNodeOf(group))) { return false; }
    return requiredNow(group) || collect(group) !== undefined;
  }
  /* A list required by the schema itself (not by another answer) whose schema allows it empty (minItems 0: "none", e.g. no advice asked of
     Veilig Thuis) is saved as [] and starts with no item; any other required list needs one. */
  function mayBeEmpty(rep) {
    return rep.getAttribute("data-min") === "0" && rep.hasAttribute("data-required");
  }
  function minimumItems(rep) {
    if (!isShown(rep) || !requiredNow(rep) || !active(parentNodeOf(rep))) { return 0; }
    if (mayBeEmpty(rep)) { return 0; }
    return Math.max(1, Number(rep.getAttribute("data-min")) || 0);
  }

  // -- persons -------------------------------------------------------------------------------------
  function idFieldOf(item) {
    var list = nodeChildren(item);
    for (var i = 0; i < list.length; i++) { if (kindOf(list[i]) === K.PERSON_ID) { return list[i]; } }
    return null;
  }
  function optionLabel(field, value) {
    var esc = window.CSS && CSS.escape ? CSS.escape(value) : value;
    var option = field.querySelector('option[value="' + esc + '"]');
    if (option) { return option.textContent; }
    var input = field.querySelector('input[value="' + esc + '"]');
    var span = input && input.parentElement ? input.parentElement.querySelector("span") : null;
    return span ? span.textContent : value;
  }
  function personName(item) {
    var list = nodeChildren(item);
    for (var i = 0; i < list.length; i++) {
      var g = list[i];
      if (nodeType(g) === "group" && g.getAttribute("data-display") === NAME_DISPLAY && !g.hidden) {
        return nodeChildren(g).map(function (f) {
          var v = nodeType(f) === "field" ? readField(f) : undefined;
          return typeof v === "string" ? v.trim() : "";
        }).filter(function (s) { return s !== ""; }).join(" ");
      }
    }
    return "";
  }
  function persons() {
    var people = [];
    var seen = {};
    toArray(form.querySelectorAll("[data-person-source]")).forEach(function (rep) {
      if (!isShown(rep)) { return; }
      var roleKey = rep.getAttribute("data-role-key");
      var itemLabel = rep.getAttribute("data-item-label").toLowerCase();
      nodeChildren(rep).forEach(function (item) {
        var idField = idFieldOf(item);
        var id = idField ? (readField(idField) || "").trim() : "";
        var name = personName(item);
        var role = itemLabel;
        if (roleKey) {
          var roleField = childByKey(item, roleKey);
          var roleValue = roleField ? readField(roleField) : undefined;
          if (typeof roleValue === "string") { role = optionLabel(roleField, roleValue); }
        }
        var nameSpan = item.querySelector(":scope > legend [data-item-name]");
        if (nameSpan) { nameSpan.textContent = name ? ": " + name : ""; }
        if (!id || has(seen, id)) { return; }
        seen[id] = true;
        people.push({ id: id, label: (name || id) + " (" + role + ")" });
      });
    });
    return people;
  }
  function allPickers() { return toArray(form.querySelectorAll(PICKERS)); }
  function setState(field, ids) {
    var unique = [];
    ids.forEach(function (id) { if (unique.indexOf(id) < 0) { unique.push(id); } });
    pickerState.set(field, unique);
  }
  function renameId(oldId, newId) {
    allPickers().forEach(function (f) {
      var state = pickerState.get(f);
      if (state && state.indexOf(oldId) >= 0) {
        setState(f, state.map(function (id) { return id === oldId ? newId : id; }));
      }
    });
  }
  function dropId(id) {
    allPickers().forEach(function (f) {
      var state = pickerState.get(f);
      if (state) { pickerState.set(f, state.filter(function (x) { return x !== id; })); }
    });
  }
  function buildPicker(field, people, extra) {
    var options = people.slice();
    extra.forEach(function (id) { options.push({ id: id, label: fmt(W.onbekende_persoon, { id: id }) }); });
    if (kindOf(field) === K.PERSONS) {
      var box = field.querySelector("[data-options]");
      var focusedValue = box.contains(document.activeElement) ? document.activeElement.value : null;
      while (box.firstChild) { box.removeChild(box.firstChild); }
      options.forEach(function (p) {
        var label = document.createElement("label");
        label.className = "optie";
        var input = document.createElement("input");
        input.type = "checkbox";
        input.value = p.id;
        input.id = field.id + "-p" + (++uid);
        input.name = field.id;
        label.htmlFor = input.id;
        var span = document.createElement("span");
        span.textContent = p.label;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" "));
        label.appendChild(span);
        box.appendChild(label);
        if (focusedValue !== null && focusedValue === p.id) { input.focus(); }
      });
      field.querySelector("[data-empty-hint]").hidden = options.length > 0;
      return;
    }
    var select = field.querySelector("select");
    while (select.options.length > 1) { select.remove(1); }
    if (select.hasAttribute("data-melder")) {
      var own = document.createElement("option");
      own.value = MELDER;
      own.textContent = W.melder;
      select.appendChild(own);
    }
    options.forEach(function (p) {
      var option = document.createElement("option");
      option.value = p.id;
      option.textContent = p.label;
      select.appendChild(option);
    });
  }
  function refreshPickers() {
    var people = persons();
    var known = people.map(function (p) { return p.id; });
    var base = JSON.stringify(people);
    allPickers().forEach(function (field) {
      var state = pickerState.get(field) || [];
      var select = field.querySelector("select");
      var melderOk = !!(select && select.hasAttribute("data-melder"));
      var extra = state.filter(function (id) { return known.indexOf(id) < 0 && !(melderOk && id === MELDER); });
      var sig = base + JSON.stringify(extra);
      if (pickerSig.get(field) !== sig) {
        buildPicker(field, people, extra);
        pickerSig.set(field, sig);
      }
      if (select) {
        select.value = state.length ? state[0] : "";
      } else {
        toArray(field.querySelectorAll("input[type=checkbox]")).forEach(function (b) { b.checked = state.indexOf(b.value) >= 0; });
      }
    });
  }
  function allIds() {
    return toArray(form.querySelectorAll(ofKind([K.PERSON_ID], " input"))).map(function (i) { return i.value.trim(); });
  }
  function suggestId(rep) {
    var prefix = rep.getAttribute("data-id-prefix") || "p";
    var used = allIds();
    for (var n = 1; ; n++) {
      var candidate = prefix + n;
      if (used.indexOf(candidate) < 0 && candidate !== MELDER) { return candidate; }
    }
  }

  // -- parts of the document (a request not to disclose names one), picked by label --------------
  function escapeKey(key) { return key.replace(/~/g, "~0").replace(/\//g, "~1"); }
  /* The place of a node in the saved file: its keys and indexes. */
  function placeOf(el) {
    var segments = [];
    while (el && !el.hasAttribute("data-root")) {
      var parent = parentNodeOf(el);
      segments.unshift(isItem(el) ? String(nodeChildren(parent).indexOf(el)) : keyOf(el));
      el = parent;
    }
    return segments;
  }
  function pointerOf(el) { return placeOf(el).map(function (k) { return "/" + escapeKey(k); }).join(""); }
  /* What a part picker saves: the pointer of the node chosen (where it is now: items may have moved),
     or the file's own pointer when the form could not show that place. */
  function partPointer(state) {
    if (typeof state === "string") { return state; }
    return state && state.isConnected ? pointerOf(state) : undefined;
  }
  /* The node a pointer from a file leads to, or null. */
  function nodeAt(pointer) {
    if (pointer === "" || pointer.charAt(0) !== "/") { return null; }
    var el = form;
    var segments = pointer.slice(1).split("/").map(function (s) { return s.replace(/~1/g, "/").replace(/~0/g, "~"); });
    for (var i = 0; i < segments.length; i++) {
      if (!el || nodeType(el) === "field") { return null; }
      el = nodeType(el) === "repeat" ? (/^\d+$/.test(segments[i]) ? nodeChildren(el)[Number(segments[i])] || null : null) : childByKey(el, segments[i]);
    }
    return el;
  }
  /* Whether a value holds anything the person filled in (an empty list saved as [] does not). */
  function hasContent(value) {
    if (value === undefined) { return false; }
    if (Array.isArray(value)) { return value.some(hasContent); }
    if (value && typeof value === "object") { return Object.keys(value).some(function (k) { return hasContent(value[k]); }); }
    return true;
  }
  /* Every part the person has filled in, in the order of the form: sections, lists, items, fields. */
  function filledParts(skip, notAllowed) {
    var out = [];
    (function walk(el) {
      nodeChildren(el).forEach(function (child) {
        if (child === skip || child.hidden || (nodeType(child) === "field" && kindOf(child) === K.HIDDEN)) { return; }
        if (!hasContent(collect(child))) { return; }
        var pointer = pointerOf(child);
        if (notAllowed.indexOf(pointer) < 0) { out.push({ node: child, pointer: pointer, label: describePath(placeOf(child)) }); }
        if (nodeType(child) !== "field") { walk(child); }
      });
    })(form);
    return out;
  }
  function refreshParts() {
    toArray(form.querySelectorAll(ofKind([K.PART], ""))).forEach(function (field) {
      var select = field.querySelector("select");
      var section = field;
      while (parentNodeOf(section) && !parentNodeOf(section).hasAttribute("data-root")) { section = parentNodeOf(section); }
      var parts = filledParts(section, JSON.parse(select.getAttribute("data-not-allowed") || "[]"));
      var state = partState.get(field);
      if (typeof state === "string") {  // from a file: the node it names, once the form shows it
        var found = nodeAt(state);
        if (found) { state = found; partState.set(field, found); }
      }
      if (state && typeof state !== "string" && !state.isConnected) { state = undefined; partState.delete(field); }
      var options = parts.map(function (p) { return { value: p.pointer, label: p.label }; });
      var current = partPointer(state);
      if (current !== undefined && !parts.some(function (p) { return p.pointer === current; })) {
        var shown = typeof state === "string" ? describePath(state.slice(1).split("/").map(function (s) { return s.replace(/~1/g, "/").replace(/~0/g, "~"); })) : describePath(placeOf(state));
        options.push({ value: current, label: fmt(W.onderdeel_leeg, { onderdeel: shown }) });
      }
      var sig = JSON.stringify(options);
      if (partSig.get(field) !== sig) {
        while (select.options.length > 1) { select.remove(1); }
        options.forEach(function (o) {
          var option = document.createElement("option");
          option.value = o.value;
          option.textContent = o.label;
          select.appendChild(option);
        });
        partSig.set(field, sig);
        var hint = field.querySelector("[data-empty-hint]");
        if (hint) { hint.hidden = options.length > 0; }
      }
      select.value = current === undefined ? "" : current;
      partChoices.set(field, parts);
    });
  }

  // -- repeats -------------------------------------------------------------------------------------
  function freshIds(root) {
    var map = {};
    var suffix = "-" + (++uid);
    [root].concat(toArray(root.querySelectorAll("[id]"))).forEach(function (e) {
      if (e.id) { map[e.id] = e.id + suffix; e.id = map[e.id]; }
    });
    toArray(root.querySelectorAll("label[for]")).forEach(function (l) {
      if (has(map, l.htmlFor)) { l.htmlFor = map[l.htmlFor]; }
    });
    ["aria-describedby", "aria-labelledby"].forEach(function (attr) {
      toArray(root.querySelectorAll("[" + attr + "]")).forEach(function (e) {
        e.setAttribute(attr, e.getAttribute(attr).split(/\s+/).map(function (x) { return has(map, x) ? map[x] : x; }).join(" "));
      });
    });
    toArray(root.querySelectorAll("[name]")).forEach(function (e) {
      e.name = has(map, e.name) ? map[e.name] : e.name + suffix;
    });
  }
  function itemsBox(rep) { return directChild(rep, function (c) { return c.hasAttribute("data-items"); }); }
  function addItemRaw(rep) {
    var template = directChild(rep, function (c) { return c.tagName === "TEMPLATE"; });
    var item = template.content.firstElementChild.cloneNode(true);
    freshIds(item);
    itemsBox(rep).appendChild(item);
    if (rep.hasAttribute("data-person-source")) {
      var idField = idFieldOf(item);
      var input = idField ? mainControl(idField) : null;
      if (input) {
        input.value = suggestId(rep);
        input.setAttribute("data-prev", input.value);
      }
    }
    renumber(rep);
    return item;
  }
  function firstControl(el) {
    return toArray(el.querySelectorAll("input, select, textarea, button")).filter(function (c) {
      return c.type !== "hidden" && !c.disabled && isShown(c);
    })[0] || null;
  }
  function addItem(rep) {
    var item = addItemRaw(rep);
    markDirty();
    update();
    var first = firstControl(item);
    if (first) { first.focus(); }
  }
  function removeItem(item) {
    var rep = parentNodeOf(item);
    var before = nodeChildren(rep);
    var index = before.indexOf(item);
    toArray(item.querySelectorAll(ofKind([K.PERSON_ID], " input"))).forEach(function (i) {
      var v = i.value.trim();
      if (v) { dropId(v); }
    });
    item.remove();
    renumber(rep);
    markDirty();
    update();
    var rest = nodeChildren(rep);
    var next = rest.length ? rest[Math.min(index, rest.length - 1)] : null;
    var target = next ? firstControl(next) : rep.querySelector(":scope > .herhaalknoppen [data-add]");
    if (target) { target.focus(); }
  }
  function renumber(rep) {
    var label = rep.getAttribute("data-item-label");
    var items = nodeChildren(rep);
    var minimum = minimumItems(rep);
    items.forEach(function (item, i) {
      var title = label + " " + (i + 1);
      var titleEl = item.querySelector(":scope > legend [data-item-title]");
      if (titleEl) { titleEl.textContent = title; }
      var remove = item.querySelector(":scope > .itemknoppen [data-remove]");
      if (remove) {
        remove.setAttribute("aria-label", fmt(W.verwijder_item, { titel: title }));
        remove.hidden = items.length <= minimum;
      }
    });
  }

  // -- required, validity --------------------------------------------------------------------------
  function setRequired(field, required) {
    field.classList.toggle("verplicht", required);
    var kind = kindOf(field);
    if (kind === K.ENUM_MULTI || kind === K.PERSONS) {
      field.toggleAttribute("data-must", required);
      return;
    }
    controls(field).forEach(function (c) { c.required = required; });
  }
  function customChecks() {
    var idInputs = toArray(form.querySelectorAll(ofKind([K.PERSON_ID], " input"))).filter(function (i) { return !i.disabled; });
    var counts = {};
    idInputs.forEach(function (i) {
      var v = i.value.trim();
      if (v) { counts[v] = (counts[v] || 0) + 1; }
    });
    idInputs.forEach(function (i) {
      var v = i.value.trim();
      var message = "";
      if (v === MELDER) { message = fmt(W.id_gereserveerd, { id: v }); } else if (v && counts[v] > 1) { message = W.id_dubbel; }
      i.setCustomValidity(message);
    });
    toArray(form.querySelectorAll(ofKind([K.ENUM_MULTI, K.PERSONS], ""))).forEach(function (f) {
      var boxes = toArray(f.querySelectorAll("input[type=checkbox]"));
      boxes.forEach(function (b) { b.setCustomValidity(""); });
      if (f.hasAttribute("data-must") && isShown(f) && boxes.length && !f.querySelector("input:checked")) {
        boxes[0].setCustomValidity(W.kies_minstens_een);
      }
    });
    toArray(form.querySelectorAll(ofKind([K.TEXT_LIST], " textarea"))).forEach(function (t) {
      var max = Number(t.closest("[data-node]").getAttribute("data-max-length")) || 0;
      var message = "";
      if (max && t.value.split(/\r?\n/).some(function (l) { return l.trim().length > max; })) {
        message = fmt(W.te_lange_regel, { max: max });
      } else if (t.required && t.value !== "" && t.value.trim() === "") {
        message = W.leeg;
      }
      t.setCustomValidity(message);
    });
    dateInputs().forEach(function (i) { i.setCustomValidity(parseDate(i.value).problem); });
    toArray(form.querySelectorAll(ofKind([K.TEXT, K.TEL, K.EMAIL], " input") + ", " + ofKind([K.TEXTAREA], " textarea"))).forEach(function (c) {
      c.setCustomValidity(c.required && c.value !== "" && c.value.trim() === "" ? W.leeg : "");
    });
  }

  /* Bring the form in line with its answers: conditional parts shown or hidden, repeats at their
     minimum, person pickers filled, required-ness and validity up to date. */
  function update() {
    if (updating) { return; }
    updating = true;
    try {
      for (var pass = 0; pass < 20; pass++) {
        var changed = false;
        toArray(form.querySelectorAll("[data-visible-when]")).forEach(function (el) {
          var visible = visibleNow(el);
          if (el.hidden === visible) { el.hidden = !visible; changed = true; }
        });
        toArray(form.querySelectorAll('[data-node="repeat"]')).forEach(function (rep) {
          var minimum = minimumItems(rep);
          while (nodeChildren(rep).length < minimum) { addItemRaw(rep); changed = true; }
        });
        if (!changed) { break; }
      }
      /* Guidance (questions 3-5): not hidden, so an answer given anyway is kept; marked instead. */
      toArray(form.querySelectorAll("[data-relevant-when]")).forEach(function (el) {
        var conds = jsonAttr(el, "data-relevant-when");
        var relevant = conds.every(function (c) { return holds(el, c); });
        el.classList.toggle("niet-relevant", !relevant);
        var note = el.querySelector("[data-not-relevant-note]");
        if (note) { note.hidden = relevant; }
      });
      refreshPickers();
      refreshParts();
      controls(form).forEach(function (c) { c.disabled = !isShown(c); });
      toArray(form.querySelectorAll('[data-node="field"]')).forEach(function (f) {
        if (kindOf(f) === K.HIDDEN) { return; }
        setRequired(f, isShown(f) && requiredNow(f) && active(parentNodeOf(f)));
      });
      toArray(form.querySelectorAll('[data-node="repeat"]')).forEach(renumber);
      customChecks();
    } finally {
      updating = false;
    }
  }

  // -- messages ------------------------------------------------------------------------------------
  function setStatus(text, isError) {
    statusEl.textContent = clean(text);  // it can quote the file: its name, its keys, a value
    statusEl.classList.toggle("fout", !!isError);
  }
  function markDirty() { dirty = true; }
  function labelOf(el) {
    if (isItem(el)) {
      var t = el.querySelector(":scope > legend [data-item-title]");
      return t ? t.textContent : "";
    }
    var own = el.querySelector(":scope > legend, :scope > .veldlabel, :scope > [id$='-kop']");
    return own ? own.textContent.trim() : "";
  }
  function breadcrumb(control) {
    var parts = [];
    var el = control.closest("[data-node]");
    while (el && !el.hasAttribute("data-root")) {
      if (nodeType(el) !== "repeat") {
        var label = labelOf(el);
        if (label) { parts.unshift(label); }
      }
      el = parentNodeOf(el);
    }
    return parts.join(" › ");
  }
  function problem(control) {
    var v = control.validity;
    if (v.customError) { return control.validationMessage; }
    if (v.valueMissing) { return W.fout_verplicht; }
    if (v.patternMismatch || v.typeMismatch) { return W.fout_vorm + (control.title ? " (" + control.title + ")" : ""); }
    if (v.tooLong) { return W.fout_te_lang; }
    if (v.rangeUnderflow || v.rangeOverflow) { return fmt(W.fout_bereik, { min: control.min, max: control.max }); }
    return W.fout_ongeldig;
  }
  function invalidControls() {
    var seen = {};
    return controls(form).filter(function (c) {
      if (c.disabled || c.type === "hidden" || c.validity.valid) { return false; }
      var key = c.type === "radio" || c.type === "checkbox" ? "n:" + c.name : "i:" + c.id;
      if (seen[key]) { return false; }
      seen[key] = true;
      return true;
    });
  }
  function showErrors(bad) {
    var list = errorsEl.querySelector("[data-error-list]");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    bad.forEach(function (control) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + control.id;
      a.textContent = breadcrumb(control) + " — " + problem(control);
      a.addEventListener("click", function (event) {
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: "center" });
      });
      li.appendChild(a);
      list.appendChild(li);
    });
    errorsEl.hidden = false;
    errorsEl.focus();
  }
  function hideErrors() { errorsEl.hidden = true; }

  // -- saving --------------------------------------------------------------------------------------
  function fileName(data) {
    var key = form.getAttribute("data-file-name-key");
    var value = key && data && typeof data[key] === "string" ? data[key] : "";
    var stem = value.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._-]+/, "").slice(0, 64);
    return (stem || form.getAttribute("data-default-name")) + ".json";
  }
  function download(name, text) {
    var blob = new Blob([text], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function save(asDraft) {
    update();
    dateInputs().forEach(settleDate);
    var bad = invalidControls();
    if (bad.length && !asDraft) {
      setStatus("", false);
      showErrors(bad);
      return;
    }
    hideErrors();
    var data = collect(form);
    var name = fileName(data);
    download(name, JSON.stringify(data, null, 2) + "\n");
    dirty = false;
    setStatus(fmt(bad.length ? W.concept_opgeslagen : W.opgeslagen, { bestand: name }), false);
  }

  // -- loading -------------------------------------------------------------------------------------
  function checkFixed(group, data) {
    var nodes = nodeChildren(group);
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      var key = keyOf(n);
      if (!has(data, key)) { continue; }
      if (nodeType(n) === "field" && kindOf(n) === K.HIDDEN) {
        var expected = JSON.parse(n.getAttribute("data-value"));
        if (data[key] !== expected) {
          return fmt(W.ander_formulier, { veld: n.getAttribute("data-label").toLowerCase(), gevonden: String(data[key]), verwacht: n.getAttribute("data-value-label") });
        }
      } else if (nodeType(n) === "group" && data[key] && typeof data[key] === "object" && !Array.isArray(data[key])) {
        var inner = checkFixed(n, data[key]);
        if (inner) { return inner; }
      }
    }
    return null;
  }
  function clearForm() {
    toArray(form.querySelectorAll('[data-node="repeat"]')).forEach(function (rep) {
      var box = itemsBox(rep);
      if (box) { while (box.firstChild) { box.removeChild(box.firstChild); } }
    });
    form.reset();
    toArray(form.querySelectorAll("[data-prev]")).forEach(function (i) { i.removeAttribute("data-prev"); });
    pickerState = new WeakMap();
    pickerSig = new WeakMap();
    partState = new WeakMap();
    partSig = new WeakMap();
    toArray(form.querySelectorAll("[data-visible-when]")).forEach(function (el) { el.hidden = false; });
  }
  function setField(el, value) {
    var kind = kindOf(el);
    if (kind === K.HIDDEN) { return; }
    if (kind === K.PERSONS) {
      if (Array.isArray(value)) { setState(el, value.filter(function (x) { return typeof x === "string"; }).map(oneLine)); }
      return;
    }
    if (kind === K.PERSON || kind === K.PERSON_OR_MELDER) {
      if (typeof value === "string") { setState(el, [oneLine(value)]); }
      return;
    }
    if (kind === K.PART) {
      if (typeof value === "string") { partState.set(el, oneLine(value)); }
      return;
    }
    if (kind === K.BOOLEAN || kind === K.TRISTATE || (kind === K.ENUM && !el.querySelector("select"))) {
      var wanted = value === null ? "" : String(value);
      toArray(el.querySelectorAll("input[type=radio]")).forEach(function (r) { r.checked = r.value === wanted; });
      return;
    }
    if (kind === K.ENUM_MULTI) {
      var values = Array.isArray(value) ? value.map(String) : [];
      toArray(el.querySelectorAll("input[type=checkbox]")).forEach(function (b) { b.checked = values.indexOf(b.value) >= 0; });
      return;
    }
    var control = mainControl(el);
    if (!control) { return; }
    if (kind === K.TEXT_LIST) {
      control.value = Array.isArray(value) ? value.map(oneLine).join("\n") : "";  // an item is one line
      return;
    }
    if (kind === K.DATE) {
      if (typeof value === "string") { control.value = showDate(oneLine(value)); }
      return;
    }
    if (typeof value === "string") { control.value = control.tagName === "TEXTAREA" ? clean(value) : oneLine(value); }
    if (typeof value === "number") { control.value = String(value); }
    if (kind === K.PERSON_ID) { control.setAttribute("data-prev", control.value.trim()); }
  }
  function fill(el, value) {
    var type = nodeType(el);
    if (type === "field") { setField(el, value); return; }
    if (type === "repeat") {
      if (!Array.isArray(value)) { return; }
      value.forEach(function (v) { fill(addItemRaw(el), v); });
      return;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) { return; }
    nodeChildren(el).forEach(function (child) {
      var key = keyOf(child);
      if (has(value, key)) { fill(child, value[key]); }
    });
  }
  /* A text taken over as the form shows it: cleaned, a line break in a one-line field a space. */
  function sameText(original, now) {
    return oneLine(original).replace(/\s+/g, " ").trim() === now.replace(/\s+/g, " ").trim();
  }
  /* Where the values in the file are that did not make it into the form: each a list of keys and indexes. */
  function lostValues(original, now, path, out) {
    if (original === null || original === undefined || original === "") { return; }
    if (Array.isArray(original)) {
      if (!Array.isArray(now)) { if (original.length) { out.push(path); } return; }
      if (original.every(function (v) { return v === null || typeof v !== "object"; })) {
        /* a list of choices, persons or lines: each value kept counts, in whatever order the form keeps them */
        original.forEach(function (v, i) {
          var kept = now.some(function (n) { return n === v || (typeof v === "string" && typeof n === "string" && sameText(v, n)); });
          if (!kept && v !== null && v !== "") { out.push(path.concat([String(i)])); }
        });
        return;
      }
      original.forEach(function (v, i) { lostValues(v, now[i], path.concat([String(i)]), out); });
      return;
    }
    if (typeof original === "object") {
      if (!now || typeof now !== "object" || Array.isArray(now)) { if (Object.keys(original).length) { out.push(path); } return; }
      Object.keys(original).forEach(function (k) { lostValues(original[k], now[k], path.concat([k]), out); });
      return;
    }
    if (typeof original === "string" && typeof now === "string" && sameText(original, now)) { return; }
    if (original !== now) { out.push(path); }
  }
  /* A place in the file (its keys and indexes) said in the form's own words: the labels of the
     sections, item and field it leads to ("Betrokkenen › Kind 1 › Leeftijd"); a key the form does
     not know is quoted. */
  function describePath(segments) {
    var el = form;
    var parts = [];
    for (var i = 0; i < segments.length && nodeType(el) !== "field"; i++) {
      var next = nodeType(el) === "repeat" ? (/^\d+$/.test(segments[i]) ? nodeChildren(el)[Number(segments[i])] : null) : childByKey(el, segments[i]);
      if (!next) {
        if (nodeType(el) === "repeat" && labelOf(el)) { parts.push(labelOf(el)); }
        parts.push(fmt(W.onbekend_deel, { naam: oneLine(segments[i]) }));
        break;
      }
      el = next;
      var last = i === segments.length - 1;
      if (nodeType(el) !== "repeat" || last) {
        var label = labelOf(el) || el.getAttribute("data-label") || "";
        if (label) { parts.push(label); }
      }
    }
    return parts.length ? parts.join(" › ") : W.heel_bestand;
  }
  function load(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(String(reader.result));
      } catch (e) {
        setStatus(fmt(W.niet_geladen, { bestand: file.name, reden: W.geen_json }), true);
        return;
      }
      if (!data || typeof data !== "object" || Array.isArray(data)) {
        setStatus(fmt(W.niet_geladen, { bestand: file.name, reden: W.geen_object }), true);
        return;
      }
      var older = jsonAttr(form, "data-older-versions") || {};
      var old = Object.keys(older).some(function (key) { return has(data, key) && older[key].indexOf(data[key]) >= 0; });
      if (old) {  // not opened half: it is converted first, by someone with the tool (check/migrate.py)
        setStatus(fmt(W.niet_geladen, { bestand: file.name, reden: W.oude_versie }), true);
        return;
      }
      var mismatch = checkFixed(form, data);
      if (mismatch) {
        setStatus(fmt(W.niet_geladen, { bestand: file.name, reden: mismatch }), true);
        return;
      }
      hideErrors();
      clearForm();
      fill(form, data);
      update();
      dateInputs().forEach(function (i) { markField(i, i.disabled ? "" : parseDate(i.value).problem); });
      var lost = [];
      lostValues(data, collect(form), [], lost);
      dirty = false;
      var text = fmt(W.geladen, { bestand: file.name });
      var said = [];
      lost.map(describePath).forEach(function (d) { if (said.indexOf(d) < 0) { said.push(d); } });
      if (lost.length) {
        text += " " + fmt(W.niet_overgenomen, { paden: said.slice(0, 8).join("; ") + (said.length > 8 ? "; …" : "") });
      }
      setStatus(text, lost.length > 0);
    };
    reader.onerror = function () {
      setStatus(fmt(W.niet_geladen, { bestand: file.name, reden: W.geen_json }), true);
    };
    reader.readAsText(file, "utf-8");
  }

  // -- events --------------------------------------------------------------------------------------
  function onEdit(event) {
    var target = event.target;
    var field = target.closest ? target.closest('[data-node="field"]') : null;
    if (!field) { return; }
    markDirty();
    var kind = kindOf(field);
    if (kind === K.DATE && target.tagName === "INPUT") {
      if (event.type === "change") {
        settleDate(target);
      } else if (target.getAttribute("aria-invalid") === "true" && !parseDate(target.value).problem) {
        markField(target, "");  // corrected: the message goes at once; a new one waits until the field is left
      }
    } else if (kind === K.PERSON_ID) {
      var previous = target.getAttribute("data-prev") || "";
      var now = target.value.trim();
      if (now && previous && now !== previous) { renameId(previous, now); }
      if (now) { target.setAttribute("data-prev", now); }
    } else if (kind === K.PERSONS && target.type === "checkbox") {
      var state = (pickerState.get(field) || []).filter(function (id) { return id !== target.value; });
      if (target.checked) { state.push(target.value); }
      setState(field, state);
    } else if ((kind === K.PERSON || kind === K.PERSON_OR_MELDER) && target.tagName === "SELECT") {
      setState(field, target.value ? [target.value] : []);
    } else if (kind === K.PART && target.tagName === "SELECT") {
      var chosenPart = (partChoices.get(field) || []).filter(function (p) { return p.pointer === target.value; })[0];
      if (chosenPart) { partState.set(field, chosenPart.node); } else if (!target.value) { partState.delete(field); }
    }
    update();
  }
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add]");
    if (add && form.contains(add)) { addItem(add.closest('[data-node="repeat"]')); return; }
    var remove = event.target.closest("[data-remove]");
    if (remove && form.contains(remove)) { removeItem(remove.closest("[data-item]")); }
  });
  toArray(document.querySelectorAll("[data-save]")).forEach(function (b) {
    b.addEventListener("click", function () { save(false); });
  });
  toArray(document.querySelectorAll("[data-save-draft]")).forEach(function (b) {
    b.addEventListener("click", function () { save(true); });
  });
  toArray(document.querySelectorAll("[data-print]")).forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  if (fileInput) {
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (file) { load(file); }
      fileInput.value = "";
    });
  }
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) { return; }
    event.preventDefault();
    event.returnValue = W.niet_opgeslagen_weg;
  });

  update();
})();
