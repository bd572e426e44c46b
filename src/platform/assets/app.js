/* Progressive enhancement only: every page works without this file. */
(function () {
  'use strict';
  if (window.DKFDS && typeof window.DKFDS.init === 'function') window.DKFDS.init();

  /* Country picker: turns a <select> into a combobox you can type in to filter (WAI-ARIA 1.2 combobox pattern).
     The select stays in the form, hidden, and carries the value, so the server sees the same field either way. */
  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function enhance(wrapper, index) {
    var select = wrapper.querySelector('select');
    var label = wrapper.querySelector('label');
    if (!select || !label) return;
    var options = Array.prototype.slice.call(select.options).filter(function (o) { return o.value !== ''; })
      .map(function (o) { return { value: o.value, text: o.text, folded: fold(o.text) }; });
    var id = select.id + '-input';
    var listId = select.id + '-listbox';
    var input = document.createElement('input');
    input.type = 'text';
    input.id = id;
    input.className = 'form-input country-input';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('placeholder', wrapper.getAttribute('data-filter-label') || '');
    if (select.getAttribute('aria-describedby')) input.setAttribute('aria-describedby', select.getAttribute('aria-describedby'));
    var current = select.options[select.selectedIndex];
    input.value = current && current.value ? current.text : '';
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'country-options unstyled-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', label.textContent || '');
    list.hidden = true;
    var status = document.createElement('div');
    status.className = 'sr-only';
    status.setAttribute('aria-live', 'polite');
    var matches = [];
    var active = -1;

    function render() {
      var q = fold(input.value.trim());
      // Names that begin with what was typed come first (India before British Indian Ocean Territory), then names
      // with a later word that does; each group in the select's own order.
      var first = [];
      var later = [];
      options.forEach(function (o) {
        if (q === '' || o.folded.indexOf(q) === 0 || o.value.toLowerCase() === q) first.push(o);
        else if (o.folded.indexOf(' ' + q) !== -1) later.push(o);
      });
      matches = first.concat(later);
      list.innerHTML = '';
      matches.forEach(function (o, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', i === active ? 'true' : 'false');
        li.textContent = o.text;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      var none = wrapper.getAttribute('data-none') || '';
      var count = (wrapper.getAttribute('data-count') || '{n}').replace('{n}', String(matches.length));
      status.textContent = matches.length === 0 ? none : count;
    }
    function open() {
      render();
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(i) {
      active = Math.max(0, Math.min(i, matches.length - 1));
      Array.prototype.forEach.call(list.children, function (li, j) { li.setAttribute('aria-selected', j === active ? 'true' : 'false'); });
      var li = list.children[active];
      if (li) {
        input.setAttribute('aria-activedescendant', li.id);
        li.scrollIntoView({ block: 'nearest' });
      }
    }
    function choose(i) {
      var o = matches[i];
      if (!o) return;
      select.value = o.value;
      input.value = o.text;
      close();
    }
    function syncFromText() {
      var q = fold(input.value.trim());
      var exact = options.filter(function (o) { return o.folded === q || o.value.toLowerCase() === q; })[0];
      select.value = exact ? exact.value : '';
    }

    input.addEventListener('input', function () { active = -1; open(); syncFromText(); });
    input.addEventListener('focus', function () { if (input.value === '') open(); });
    input.addEventListener('blur', function () { syncFromText(); close(); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) open(); highlight(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
      else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === 'Escape') { close(); }
    });

    label.setAttribute('for', id);
    /* The error summary links to the select; once hidden it cannot take the focus, so link to the combobox. */
    Array.prototype.forEach.call(document.querySelectorAll('a[href="#' + select.id + '"]'), function (a) {
      a.setAttribute('href', '#' + id);
    });
    select.hidden = true;
    select.setAttribute('aria-hidden', 'true');
    select.tabIndex = -1;
    select.parentNode.insertBefore(input, select);
    // After the row of the field (and its "remove" button), so the list sits right under the field.
    var row = select.parentNode;
    row.parentNode.insertBefore(list, row.nextSibling);
    wrapper.appendChild(status);
    wrapper.classList.add('country-picker-enhanced');
    void index;
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-module="country-picker"]'), enhance);

  /* The plan's steps are folded: a link to a step (from the overview) opens it, and printing opens them all (the
     print styles do the same where the browser supports them; without this script each step opens by itself). */
  var steps = document.querySelectorAll('details.plan-step-details');
  if (steps.length > 0) {
    var openTarget = function () {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var target = id ? document.getElementById(id) : null;
      var details = target ? target.querySelector('details.plan-step-details') : null;
      if (details) details.open = true;
    };
    window.addEventListener('hashchange', openTarget);
    openTarget();
    var openedForPrint = [];
    window.addEventListener('beforeprint', function () {
      openedForPrint = Array.prototype.filter.call(steps, function (d) { return !d.open; });
      openedForPrint.forEach(function (d) { d.open = true; });
    });
    window.addEventListener('afterprint', function () {
      openedForPrint.forEach(function (d) { d.open = false; });
      openedForPrint = [];
    });
  }

  /* "Use my location" on the finder: only where the browser can tell the position; the postal code works anyway. */
  Array.prototype.forEach.call(document.querySelectorAll('[data-module="use-location"]'), function (button) {
    if (!('geolocation' in navigator)) return;
    var form = button.form;
    var status = form && form.querySelector('.location-status');
    button.hidden = false;
    button.addEventListener('click', function () {
      if (status) status.textContent = button.getAttribute('data-locating') || '';
      navigator.geolocation.getCurrentPosition(function (position) {
        var params = new URLSearchParams();
        params.set('lat', position.coords.latitude.toFixed(5));
        params.set('lon', position.coords.longitude.toFixed(5));
        var student = form.querySelector('#student');
        if (student && student.checked) params.set('student', 'yes');
        var lang = form.querySelector('input[name="lang"]');
        if (lang) params.set('lang', lang.value);
        window.location.assign(form.getAttribute('action') + '?' + params.toString());
      }, function () {
        if (status) status.textContent = button.getAttribute('data-failed') || '';
      }, { timeout: 10000, maximumAge: 600000 });
    });
  });
})();
