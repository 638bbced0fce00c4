/**
 * The dashboard's browser script (plain ES2020, no imports): loads the scored leads from the
 * API, then filters them by grade and segment, moves the cut-off with the capacity slider,
 * draws the charts with the inlined plotly and opens a lead's reasons in a drawer. Values
 * from the data are only ever set as text, never as HTML. (A template literal: write no
 * backticks, no dollar-brace and double every backslash.)
 */
export const DASHBOARD_SCRIPT = `
(function () {
  'use strict';
  var CONFIG = JSON.parse(document.getElementById('dashboard-config').textContent);
  var MAX_ROWS = 500;
  var TOKEN_KEY = 'leadstack-api-token';
  var state = { token: '', data: null, leads: [], grade: 'all', segment: '', capacity: 0, filtered: [], worked: 0, pending: false };

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fmt(n, digits) { return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits || 0, minimumFractionDigits: digits || 0 }); }
  function pct(share) { return (share * 100).toFixed(share < 0.1 ? 1 : 0) + '%'; }
  function label(field) { return field ? field.replace(/_/g, ' ').replace(/^./, function (c) { return c.toUpperCase(); }) : ''; }
  function storedToken() { try { return sessionStorage.getItem(TOKEN_KEY) || state.token || ''; } catch (e) { return state.token || ''; } }
  function setStatus(text) { $('status').textContent = text; }

  function load() {
    setStatus('Loading leads…');
    var headers = { accept: 'application/json' };
    var token = storedToken();
    if (token) headers.authorization = 'Bearer ' + token;
    var source = new URLSearchParams(location.search).get('source');
    var url = CONFIG.dataUrl + (source ? '?source=' + encodeURIComponent(source) : '');
    fetch(url, { headers: headers }).then(function (res) {
      if (res.status === 401) { showAuth(token ? 'That token was not accepted.' : 'This server needs an API token to show leads.'); return null; }
      if (!res.ok) { setStatus('The server answered ' + res.status + '.'); return null; }
      return res.json();
    }).then(function (data) {
      if (!data) return;
      $('auth').hidden = true;
      state.data = data;
      state.leads = data.leads.slice().sort(function (a, b) { return b.probability - a.probability || b.score - a.score; });
      setup();
      render();
    }).catch(function (error) { setStatus('Cannot load the leads: ' + error.message); });
  }

  function showAuth(message) {
    $('auth').hidden = false;
    $('auth-message').textContent = message;
    setStatus('');
  }

  function setup() {
    var data = state.data;
    $('model-version').textContent = data.modelVersion;
    $('source').textContent = data.source === 'file'
      ? 'scored file ' + data.file + ' · ' + fmt(data.leads.length) + ' leads'
      : 'the last ' + fmt(data.leads.length) + ' leads scored through the API';
    var buttons = $('grade-filter');
    buttons.textContent = '';
    ['all'].concat(data.grades).forEach(function (grade) {
      var button = el('button', 'grade-button', grade === 'all' ? 'All grades' : 'Grade ' + grade);
      button.type = 'button';
      button.dataset.grade = grade;
      button.setAttribute('aria-pressed', String(grade === state.grade));
      button.addEventListener('click', function () { state.grade = grade; render(); });
      buttons.appendChild(button);
    });
    var select = $('segment');
    select.textContent = '';
    $('segment-label').textContent = data.segmentField ? label(data.segmentField) : 'Segment';
    select.disabled = !data.segmentField;
    select.appendChild(new Option(data.segmentField ? 'All' : 'No segment field in the data', ''));
    if (data.segmentField) {
      var counts = {};
      state.leads.forEach(function (lead) {
        var v = lead.segments[data.segmentField];
        if (v) counts[v] = (counts[v] || 0) + 1;
      });
      Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || a.localeCompare(b); }).slice(0, 200)
        .forEach(function (value) { select.appendChild(new Option(value + ' (' + counts[value] + ')', value)); });
    }
    select.value = state.segment;
    $('segment-column').textContent = data.segmentField ? label(data.segmentField) : 'Segment';
    var slider = $('capacity');
    slider.max = String(Math.max(1, state.leads.length));
    if (!state.capacity) {
      var routed = state.leads.filter(function (lead) { return lead.route === 'sales'; }).length;
      state.capacity = Math.max(1, Math.min(state.leads.length, routed || Math.ceil(state.leads.length / 10)));
    }
    slider.value = String(state.capacity);
    setStatus(data.leads.length ? '' : 'No scored leads yet: score some through POST /v1/score, or start the server with --leads-file.');
  }

  function render() {
    var data = state.data;
    if (!data) return;
    var field = data.segmentField;
    state.filtered = state.leads.filter(function (lead) {
      return (state.grade === 'all' || lead.grade === state.grade) && (!state.segment || lead.segments[field] === state.segment);
    });
    Array.prototype.forEach.call($('grade-filter').children, function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.grade === state.grade));
    });
    var n = state.filtered.length;
    state.worked = Math.min(state.capacity, n);
    var expected = 0;
    for (var i = 0; i < state.worked; i++) expected += state.filtered[i].probability;
    $('capacity-value').textContent = fmt(state.capacity);
    var cutoff = state.worked > 0 ? state.filtered[state.worked - 1].score : null;
    $('cutoff').textContent = n === 0
      ? 'No leads match these filters.'
      : 'Cut-off: score ≥ ' + cutoff + ' · work ' + fmt(state.worked) + ' of ' + fmt(n) + ' leads (' + pct(state.worked / n) +
        ') · expected conversions ≈ ' + fmt(expected, 1) + ' (' + pct(expected / Math.max(1e-12, sumProbabilities(state.filtered))) + ' of all expected)';
    renderTable();
    renderCharts(cutoff);
  }

  function sumProbabilities(leads) { var s = 0; for (var i = 0; i < leads.length; i++) s += leads[i].probability; return s; }

  function renderTable() {
    var body = $('leads').tBodies[0];
    body.textContent = '';
    var field = state.data.segmentField;
    var rows = state.filtered.slice(0, MAX_ROWS);
    rows.forEach(function (lead, i) {
      var tr = el('tr', i < state.worked ? 'worked' + (i === state.worked - 1 ? ' cutoff-row' : '') : '');
      tr.tabIndex = 0;
      tr.dataset.index = String(i);
      tr.appendChild(el('td', 'rank', i + 1));
      tr.appendChild(el('td', 'lead-id', lead.id || '—'));
      tr.appendChild(el('td', 'num', lead.score));
      tr.appendChild(el('td', 'num', pct(lead.probability)));
      var grade = el('td', 'grade');
      grade.appendChild(el('span', 'grade-badge grade-' + String(lead.grade).replace(/[^A-Za-z0-9]/g, ''), lead.grade));
      tr.appendChild(grade);
      tr.appendChild(el('td', 'route', lead.route));
      tr.appendChild(el('td', 'segment', (field && lead.segments[field]) || '—'));
      tr.appendChild(el('td', 'reason', lead.reasons[0] || ''));
      tr.addEventListener('click', function () { openDrawer(lead); });
      tr.addEventListener('keydown', function (event) { if (event.key === 'Enter') openDrawer(lead); });
      body.appendChild(tr);
    });
    $('table-note').textContent = state.filtered.length > MAX_ROWS
      ? 'Showing the ' + MAX_ROWS + ' best-scored of ' + fmt(state.filtered.length) + ' leads.'
      : '';
  }

  function renderCharts(cutoff) {
    if (!window.Plotly) return;
    var worked = state.filtered.slice(0, state.worked);
    var rest = state.filtered.slice(state.worked);
    var scoreOf = function (lead) { return lead.score; };
    var bins = { start: -0.5, end: 100.5, size: 1 };
    var scoresLayout = Object.assign({}, CONFIG.layouts.scores, {
      shapes: cutoff === null ? [] : [{ type: 'line', x0: cutoff - 0.5, x1: cutoff - 0.5, yref: 'paper', y0: 0, y1: 1, line: { color: CONFIG.colors.cutoff, width: 2, dash: 'dash' } }],
      annotations: cutoff === null ? [] : [{ x: cutoff - 0.5, yref: 'paper', y: 1, text: 'cut-off ' + cutoff, showarrow: false, xanchor: 'left', font: { color: CONFIG.colors.cutoff } }],
    });
    Plotly.react('chart-scores', [
      { type: 'histogram', name: 'worked', x: worked.map(scoreOf), xbins: bins, marker: { color: CONFIG.colors.worked } },
      { type: 'histogram', name: 'not worked', x: rest.map(scoreOf), xbins: bins, marker: { color: CONFIG.colors.rest } },
    ], scoresLayout, CONFIG.plotConfig);
    var grades = state.data.grades;
    var count = function (list, grade) { return list.filter(function (lead) { return lead.grade === grade; }).length; };
    Plotly.react('chart-grades', [
      { type: 'bar', name: 'worked', x: grades, y: grades.map(function (g) { return count(worked, g); }), marker: { color: CONFIG.colors.worked } },
      { type: 'bar', name: 'not worked', x: grades, y: grades.map(function (g) { return count(rest, g); }), marker: { color: CONFIG.colors.rest } },
    ], CONFIG.layouts.grades, CONFIG.plotConfig);
    var funnel = funnelStages();
    Plotly.react('chart-funnel', [
      { type: 'funnel', y: funnel.labels, x: funnel.counts, textinfo: 'value+percent initial', marker: { color: CONFIG.colors.series.slice(0, funnel.labels.length) } },
    ], Object.assign({}, CONFIG.layouts.funnel, { title: Object.assign({}, CONFIG.layouts.funnel.title, { text: funnel.title }) }), CONFIG.plotConfig);
  }

  function funnelStages() {
    var leads = state.filtered;
    var stageField = state.data.stageField;
    if (stageField && leads.some(function (lead) { return lead.stage; })) {
      var counts = {};
      leads.forEach(function (lead) { var s = lead.stage || '(none)'; counts[s] = (counts[s] || 0) + 1; });
      var labels = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
      return { title: 'Funnel by ' + label(stageField).toLowerCase(), labels: labels, counts: labels.map(function (s) { return counts[s]; }) };
    }
    var grades = state.data.grades;
    var labelsByGrade = [];
    var countsByGrade = [];
    for (var g = grades.length - 1; g >= 0; g--) {
      var top = grades.slice(0, g + 1);
      labelsByGrade.push(g === 0 ? 'grade ' + grades[0] : 'grades ' + grades[0] + '–' + grades[g]);
      countsByGrade.push(leads.filter(function (lead) { return top.indexOf(lead.grade) >= 0; }).length);
    }
    return { title: 'Funnel by grade', labels: labelsByGrade, counts: countsByGrade };
  }

  function openDrawer(lead) {
    $('drawer-title').textContent = 'Lead ' + (lead.id || '(no id)');
    var facts = $('drawer-facts');
    facts.textContent = '';
    var add = function (name, value) { facts.appendChild(el('dt', '', name)); facts.appendChild(el('dd', '', value)); };
    add('Score', lead.score + ' (' + pct(lead.probability) + ' chance to convert)');
    add('Grade', lead.grade);
    add('Route', lead.route);
    Object.keys(lead.segments).forEach(function (key) { add(label(key), lead.segments[key]); });
    if (lead.stage) add(label(state.data.stageField), lead.stage);
    if (lead.scoredAt) add('Scored at', lead.scoredAt);
    var list = $('drawer-reasons');
    list.textContent = '';
    (lead.reasons.length ? lead.reasons : ['No reasons were recorded for this lead.']).forEach(function (text) { list.appendChild(el('li', '', text)); });
    $('drawer').hidden = false;
    $('drawer-close').focus();
  }

  function scheduleRender() {
    if (state.pending) return;
    state.pending = true;
    requestAnimationFrame(function () { state.pending = false; render(); });
  }

  $('capacity').addEventListener('input', function (event) { state.capacity = Number(event.target.value); scheduleRender(); });
  $('segment').addEventListener('change', function (event) { state.segment = event.target.value; render(); });
  $('drawer-close').addEventListener('click', function () { $('drawer').hidden = true; });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') $('drawer').hidden = true; });
  $('refresh').addEventListener('click', load);
  $('auth-form').addEventListener('submit', function (event) {
    event.preventDefault();
    state.token = $('token').value.trim();
    try { sessionStorage.setItem(TOKEN_KEY, state.token); } catch (e) { /* storage blocked: the token stays in memory */ }
    load();
  });
  load();
})();
`;
