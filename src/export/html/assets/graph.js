// govkg graph page: a small force layout and the page's interaction,
// written for govkg in plain JavaScript and SVG (no library).
// Copyright the govkg authors. SPDX-License-Identifier: MIT OR Apache-2.0
// Text from documents is untrusted: it only ever goes through textContent
// and setAttribute, never through the HTML parser.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var nodes = data.nodes;
  var edges = data.edges;
  var svg = document.getElementById('graph');
  var search = document.getElementById('search');
  var matchCount = document.getElementById('match-count');
  var matchList = document.getElementById('matches');
  var details = document.getElementById('details');

  function el(name, attrs, parent, ns) {
    var e = ns ? document.createElementNS(NS, name) : document.createElement(name);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function svgEl(name, attrs, parent) { return el(name, attrs, parent, true); }
  function text(parent, tag, content, attrs) {
    var e = el(tag, attrs, parent);
    e.textContent = content;
    return e;
  }
  function kindClass(kind) { return 'k-' + String(kind).toLowerCase(); }
  function relClass(type) { return 'r-' + String(type).toLowerCase(); }

  // ---- Layout: Fruchterman-Reingold with gravity, from a fixed start so
  // the same graph is drawn the same way every time.
  var K = 70; // ideal edge length
  var GRAVITY = 2;
  nodes.forEach(function (d, i) {
    var r = K * 0.6 * Math.sqrt(i + 0.5);
    var a = i * 2.399963229728653; // golden angle
    d.x = r * Math.cos(a);
    d.y = r * Math.sin(a);
    d.degree = 0;
    d.edges = [];
    d.r = 5 + 2.2 * Math.sqrt(d.mentions.length);
  });
  edges.forEach(function (e, i) {
    nodes[e.s].degree += 1;
    nodes[e.t].degree += 1;
    nodes[e.s].edges.push(i);
    if (e.t !== e.s) { nodes[e.t].edges.push(i); }
  });

  // Nodes with relations are laid out by force; those without any (a name
  // mentioned but never related) are hidden until the toggle shows them,
  // lined up in a grid under the drawing.
  var linked = [];
  var lonely = [];
  nodes.forEach(function (d) { (d.degree > 0 ? linked : lonely).push(d); });

  function layout(list) {
    var n = list.length;
    if (n < 2) { return; }
    var iterations = Math.max(40, Math.min(300, Math.floor(3e7 / (n * n))));
    var temp = K * Math.sqrt(n) / 2;
    var cool = temp / (iterations + 1);
    var dx = new Float64Array(n);
    var dy = new Float64Array(n);
    list.forEach(function (d, i) { d.slot = i; });
    for (var it = 0; it < iterations; it++) {
      dx.fill(0);
      dy.fill(0);
      for (var i = 0; i < n; i++) {
        var a = list[i];
        for (var j = i + 1; j < n; j++) {
          var b = list[j];
          var x = a.x - b.x;
          var y = a.y - b.y;
          var d2 = x * x + y * y;
          if (d2 < 0.01) { x = 0.1 * ((i % 7) - 3) + 0.05; y = 0.1; d2 = x * x + y * y; }
          var f = (K * K) / d2; // repulsion K^2/d, times the unit vector (x/d)
          dx[i] += x * f; dy[i] += y * f;
          dx[j] -= x * f; dy[j] -= y * f;
        }
      }
      edges.forEach(function (e) {
        if (e.s === e.t) { return; }
        var s = nodes[e.s];
        var t = nodes[e.t];
        var x = s.x - t.x;
        var y = s.y - t.y;
        var d = Math.sqrt(x * x + y * y) || 0.01;
        var f = d / K; // attraction d^2/K, times the unit vector
        dx[s.slot] -= x * f; dy[s.slot] -= y * f;
        dx[t.slot] += x * f; dy[t.slot] += y * f;
      });
      for (var k = 0; k < n; k++) {
        var p = list[k];
        dx[k] -= p.x * GRAVITY; // gravity keeps components together
        dy[k] -= p.y * GRAVITY;
        var len = Math.sqrt(dx[k] * dx[k] + dy[k] * dy[k]);
        if (len > 0) {
          var step = Math.min(len, temp);
          p.x += (dx[k] / len) * step;
          p.y += (dy[k] / len) * step;
        }
      }
      temp = Math.max(temp - cool, 0.5);
    }
  }
  layout(linked);

  // ---- Keeping nodes apart. Labels keep their size on screen whatever
  // the zoom (12px), so whether two labels collide depends on the scale
  // the page opens at: the boxes (circle and label) are separated at that
  // scale, a few times, as separating widens the drawing.
  var LABEL_PX = 12;
  var GAP_PX = 4;
  function labelPx(d) {
    var w = 0;
    Array.from(d.label).forEach(function (c) { w += c.charCodeAt(0) > 0x2e80 ? LABEL_PX : LABEL_PX * 0.6; });
    return w;
  }
  nodes.forEach(function (d) { d.w = labelPx(d); });
  // The box of a node, in user units at `u` units per pixel.
  function boxOf(d, u) {
    var half = Math.max(d.r, (LABEL_PX / 2 + GAP_PX / 2) * u);
    return { x0: d.x - d.r - GAP_PX * u, x1: d.x + d.r + (3 + d.w + GAP_PX) * u, y0: d.y - half, y1: d.y + half };
  }
  // Pushes overlapping boxes apart, along the axis where they overlap
  // least; a sweep over the boxes sorted by their left edge finds the
  // pairs. Returns the number of overlaps left.
  function separate(list, u, rounds) {
    var left = 0;
    for (var round = 0; round < rounds; round++) {
      var boxes = list.map(function (d) { var b = boxOf(d, u); b.d = d; return b; });
      boxes.sort(function (a, b) { return a.x0 - b.x0; });
      left = 0;
      for (var i = 0; i < boxes.length; i++) {
        var a = boxes[i];
        for (var j = i + 1; j < boxes.length && boxes[j].x0 < a.x1; j++) {
          var b = boxes[j];
          var ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          var oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (ox <= 0 || oy <= 0) { continue; }
          left += 1;
          if (oy <= ox) {
            var sy = (a.d.y < b.d.y || (a.d.y === b.d.y && i < j)) ? 1 : -1;
            a.d.y -= sy * (oy / 2 + 0.01); b.d.y += sy * (oy / 2 + 0.01);
          } else {
            var sx = a.d.x <= b.d.x ? 1 : -1;
            a.d.x -= sx * (ox / 2 + 0.01); b.d.x += sx * (ox / 2 + 0.01);
          }
        }
      }
      if (left === 0) { break; }
    }
    return left;
  }

  function extent(list, u) {
    var b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    list.forEach(function (d) {
      var k = boxOf(d, u);
      b.x0 = Math.min(b.x0, k.x0); b.y0 = Math.min(b.y0, k.y0);
      b.x1 = Math.max(b.x1, k.x1); b.y1 = Math.max(b.y1, k.y1);
    });
    return b;
  }
  // Units per pixel when `list` is fitted into the drawing area.
  function fittedScale(list, u) {
    var r = svg.getBoundingClientRect();
    var b = extent(list, u);
    var pad = 20 * u;
    return Math.max((b.x1 - b.x0 + 2 * pad) / (r.width || 800), (b.y1 - b.y0 + 2 * pad) / (r.height || 600), 1 / 1.5);
  }
  var scale = 1;
  if (linked.length) {
    for (var pass = 0; pass < 6; pass++) {
      scale = fittedScale(linked, scale);
      if (separate(linked, scale, 400) === 0 && pass > 0) { break; }
    }
    scale = fittedScale(linked, scale);
  }

  // The unconnected nodes: a grid under the drawing, columns as wide as
  // their longest label.
  var linkedBox = linked.length ? extent(linked, scale) : { x0: 0, y0: 0, x1: 600, y1: 0 };
  var widest = lonely.reduce(function (m, d) { return Math.max(m, d.w); }, 0);
  var cellW = (widest + 3 + 2 * GAP_PX) * scale + 14;
  var cellH = (LABEL_PX + 2 * GAP_PX) * scale;
  var columns = Math.max(4, Math.floor((linkedBox.x1 - linkedBox.x0) / cellW));
  var gridTop = linkedBox.y1 + (linked.length ? 40 * scale : 0);
  lonely.forEach(function (d, i) {
    d.r = Math.min(d.r, 7);
    d.x = linkedBox.x0 + 10 + (i % columns) * cellW;
    d.y = gridTop + 20 * scale + Math.floor(i / columns) * cellH;
  });

  // ---- Drawing.
  var defs = svgEl('defs', null, svg);
  var marker = svgEl('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerUnits: 'userSpaceOnUse', markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse'
  }, defs);
  svgEl('path', { d: 'M0,0 L10,5 L0,10 z' }, marker);
  var view = svgEl('g', { id: 'viewport' }, svg);
  var edgeLayer = svgEl('g', { 'class': 'edges' }, view);
  var nodeLayer = svgEl('g', { 'class': 'nodes' }, view);

  // Parallel edges between the same two nodes bend apart.
  var pairs = {};
  edges.forEach(function (e) {
    var key = Math.min(e.s, e.t) + ',' + Math.max(e.s, e.t);
    (pairs[key] = pairs[key] || []).push(e);
  });
  Object.keys(pairs).forEach(function (key) {
    var list = pairs[key];
    list.forEach(function (e, i) { e.bend = (i - (list.length - 1) / 2) * 18; });
  });

  // Puts an edge's type at `at` (0 at the source, 1 at the target) along
  // its curve. The types of a selected or hovered node's edges go near
  // the other ends, where they spread out instead of piling up on it.
  function placeLabel(e, at) {
    var c = e.curve;
    var a = (1 - at) * (1 - at);
    var b = 2 * at * (1 - at);
    var q = at * at;
    e.label.setAttribute('x', (a * c[0] + b * c[2] + q * c[4]).toFixed(1));
    e.label.setAttribute('y', (a * c[1] + b * c[3] + q * c[5] - 2 * scale).toFixed(1));
  }
  function labelsAwayFrom(i, on) {
    nodes[i].edges.forEach(function (k) {
      var e = edges[k];
      placeLabel(e, !on || e.s === e.t ? 0.5 : (e.s === i ? 0.72 : 0.28));
    });
  }

  edges.forEach(function (e) {
    var s = nodes[e.s];
    var t = nodes[e.t];
    var g = svgEl('g', { 'class': 'edge ' + relClass(e.type) }, edgeLayer);
    var x = t.x - s.x;
    var y = t.y - s.y;
    var d = Math.sqrt(x * x + y * y) || 1;
    var sign = e.s < e.t ? 1 : -1; // the same side for both directions
    var mx = (s.x + t.x) / 2 - (y / d) * e.bend * sign;
    var my = (s.y + t.y) / 2 + (x / d) * e.bend * sign;
    // End the arrow at the target's rim.
    var ex = t.x - mx;
    var ey = t.y - my;
    var el2 = Math.sqrt(ex * ex + ey * ey) || 1;
    var tx = t.x - (ex / el2) * (t.r + 2);
    var ty = t.y - (ey / el2) * (t.r + 2);
    var path = 'M' + s.x.toFixed(1) + ',' + s.y.toFixed(1) + ' Q' + mx.toFixed(1) + ',' + my.toFixed(1) +
      ' ' + tx.toFixed(1) + ',' + ty.toFixed(1);
    svgEl('path', { d: path, 'marker-end': 'url(#arrow)' }, g);
    // A wider, invisible stroke to hover.
    svgEl('path', { d: path, 'class': 'hit' }, g);
    // The type, shown when the edge is hovered or its node selected.
    e.curve = [s.x, s.y, mx, my, tx, ty];
    var label = svgEl('text', null, g);
    label.textContent = e.type;
    e.label = label;
    placeLabel(e, 0.5);
    var tip = svgEl('title', null, g);
    tip.textContent = e.type + ': ' + s.label + ' \u2192 ' + t.label;
    e.el = g;
  });

  nodes.forEach(function (d, i) {
    var g = svgEl('g', {
      'class': 'node ' + kindClass(d.kind) + (d.hierarchy ? ' ghost' : '') + (d.degree ? '' : ' lonely'),
      'data-index': i,
      'data-id': d.id,
      transform: 'translate(' + d.x.toFixed(1) + ',' + d.y.toFixed(1) + ')',
      tabindex: 0
    }, nodeLayer);
    svgEl('circle', { r: d.r.toFixed(1) }, g);
    var label = svgEl('text', { x: (d.r + 3 * scale).toFixed(1), y: (4 * scale).toFixed(1), 'class': 'name' }, g);
    label.textContent = d.label;
    var tip = svgEl('title', null, g);
    tip.textContent = d.kind + ' ' + d.label + ' \u00b7 ' + d.mentions.length + ' mentions';
    d.el = g;
    // Hovering a node shows the types of its edges.
    g.addEventListener('mouseenter', function () {
      labelsAwayFrom(i, true);
      d.edges.forEach(function (k) { edges[k].el.classList.add('lit'); });
    });
    g.addEventListener('mouseleave', function () {
      d.edges.forEach(function (k) { edges[k].el.classList.remove('lit'); });
      if (selected !== null) { labelsAwayFrom(selected, true); }
    });
  });

  var caption = null;
  if (lonely.length) {
    caption = svgEl('text', { 'class': 'caption lonely', x: linkedBox.x0, y: gridTop }, view);
    caption.textContent = lonely.length + ' nodes without relations';
  }

  // ---- The toggle of the nodes without relations (off at first).
  var toggle = document.getElementById('show-lonely');
  var toggleLabel = document.getElementById('show-lonely-label');
  toggleLabel.textContent = 'Show the ' + lonely.length + ' nodes without relations';
  if (!lonely.length) { toggle.disabled = true; }
  function showLonely(on) {
    toggle.checked = on;
    svg.classList.toggle('with-lonely', on);
    fit();
  }
  toggle.addEventListener('change', function () { showLonely(toggle.checked); });

  // ---- View box: fit, pan, zoom.
  var box = { x: -100, y: -100, w: 200, h: 200 };
  // Fits the nodes shown (those with relations, and the others when the
  // toggle shows them; all nodes if none has a relation).
  function fit() {
    if (!nodes.length) { return; }
    var shown = svg.classList.contains('with-lonely') || !linked.length ? nodes : linked;
    var b = extent(shown, scale);
    if (shown === nodes && caption) { b.y0 = Math.min(b.y0, gridTop - 16 * scale); }
    var pad = 20 * scale;
    box = { x: b.x0 - pad, y: b.y0 - pad, w: b.x1 - b.x0 + 2 * pad, h: b.y1 - b.y0 + 2 * pad };
    // A small graph is not blown up past 1.5 times its size.
    var r = svg.getBoundingClientRect();
    var grow = Math.max(1, Math.min((r.width || 1) / box.w, (r.height || 1) / box.h) / 1.5);
    box.x -= (box.w * (grow - 1)) / 2;
    box.y -= (box.h * (grow - 1)) / 2;
    box.w *= grow;
    box.h *= grow;
    applyBox();
  }
  function applyBox() {
    svg.setAttribute('viewBox', [box.x, box.y, box.w, box.h].map(function (v) { return v.toFixed(1); }).join(' '));
    // Labels keep their size on screen whatever the zoom (CSS: --u).
    svg.style.setProperty('--u', unitsPerPixel().toFixed(4));
  }
  // The size in user units of one screen pixel (preserveAspectRatio meet).
  function unitsPerPixel() {
    var r = svg.getBoundingClientRect();
    return Math.max(box.w / (r.width || 1), box.h / (r.height || 1));
  }
  fit();
  document.getElementById('fit').addEventListener('click', fit);

  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var factor = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
    var r = svg.getBoundingClientRect();
    var u = unitsPerPixel();
    // Keep the point under the cursor still.
    var cx = box.x + box.w / 2 + (ev.clientX - r.left - r.width / 2) * u;
    var cy = box.y + box.h / 2 + (ev.clientY - r.top - r.height / 2) * u;
    box.x = cx - (cx - box.x) * factor;
    box.y = cy - (cy - box.y) * factor;
    box.w *= factor;
    box.h *= factor;
    applyBox();
  }, { passive: false });

  var drag = null;
  svg.addEventListener('pointerdown', function (ev) {
    if (ev.target.closest && ev.target.closest('g.node')) { return; }
    drag = { x: ev.clientX, y: ev.clientY, bx: box.x, by: box.y, moved: false };
    svg.classList.add('panning');
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) { return; }
    var u = unitsPerPixel();
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) { drag.moved = true; }
    box.x = drag.bx - (ev.clientX - drag.x) * u;
    box.y = drag.by - (ev.clientY - drag.y) * u;
    applyBox();
  });
  window.addEventListener('pointerup', function () {
    if (drag && !drag.moved) { select(null); }
    drag = null;
    svg.classList.remove('panning');
  });

  // ---- Selection and the details panel.
  var selected = null;
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function select(i) {
    if (selected !== null) {
      nodes[selected].el.classList.remove('sel');
      nodes[selected].edges.forEach(function (k) {
        var e = edges[k];
        e.el.classList.remove('hot');
        nodes[e.s].el.classList.remove('near');
        nodes[e.t].el.classList.remove('near');
      });
    }
    if (selected !== null) { labelsAwayFrom(selected, false); }
    selected = i;
    if (i !== null) { labelsAwayFrom(i, true); }
    clear(details);
    if (i === null) {
      svg.classList.remove('selecting');
      text(details, 'p', 'Click a node to see its mentions and evidence.', { 'class': 'meta' });
      return;
    }
    var d = nodes[i];
    if (!d.degree && !toggle.checked) { showLonely(true); }
    svg.classList.add('selecting');
    d.el.classList.add('sel');
    d.edges.forEach(function (k) {
      var e = edges[k];
      e.el.classList.add('hot');
      nodes[e.s].el.classList.add('near');
      nodes[e.t].el.classList.add('near');
    });
    d.el.classList.remove('near');
    showDetails(d, i);
  }

  function showDetails(d, i) {
    var h = el('h2', null, details);
    text(h, 'span', d.kind, { 'class': 'badge ' + kindClass(d.kind) });
    h.appendChild(document.createTextNode(' ' + d.label));
    text(details, 'p', d.id + (d.hierarchy ? ' \u00b7 added by the place hierarchy' : ''), { 'class': 'meta' });
    if (d.jurisdiction) {
      text(details, 'p', 'In ' + d.jurisdiction, { 'class': 'meta' });
    }
    if (d.aliases.length) {
      text(details, 'p', 'Also written: ' + d.aliases.join(', '), { 'class': 'meta' });
    }
    text(details, 'h3', 'Relations (' + d.edges.length + ')');
    var rl = el('ul', { id: 'relations' }, details);
    d.edges.forEach(function (k) {
      var e = edges[k];
      var li = el('li', { 'class': 'edge-item' }, rl);
      text(li, 'span', e.type, { 'class': 'badge ' + relClass(e.type) });
      var outgoing = e.s === i;
      var other = nodes[outgoing ? e.t : e.s];
      li.appendChild(document.createTextNode(outgoing ? ' \u2192 ' : ' \u2190 '));
      var b = text(li, 'button', other.label, { type: 'button', 'class': 'other ' + kindClass(other.kind) });
      b.addEventListener('click', function () { select(outgoing ? e.t : e.s); });
      ['date', 'when', 'purpose', 'role', 'doc'].forEach(function (f) {
        if (e[f] === undefined) { return; }
        // A normalised date without a year (`--11-20`) says so in words.
        var v = f === 'when' && e[f].indexOf('--') === 0 ? 'year unknown' : e[f];
        text(li, 'span', f + ' ' + v, { 'class': 'fact' });
      });
      if (e.evidence !== undefined) {
        text(li, 'blockquote', e.evidence, { title: 'evidence, code points ' + e.ev[0] + '\u2013' + e.ev[1] });
      } else if (e.ev !== undefined) {
        text(li, 'blockquote', 'code points ' + e.ev[0] + '\u2013' + e.ev[1]);
      }
    });
    // Mentions, one line per document: `doc: 44–47, 80–83`.
    text(details, 'h3', 'Mentions (' + d.mentions.length + ')');
    var ul = el('ul', { id: 'mentions' }, details);
    var li = null;
    var doc = null;
    d.mentions.forEach(function (m) {
      if (m[0] !== doc) {
        doc = m[0];
        li = el('li', null, ul);
        text(li, 'span', doc, { 'class': 'doc' });
      } else {
        li.appendChild(document.createTextNode(','));
      }
      li.appendChild(document.createTextNode(' '));
      text(li, 'span', m[1] + '\u2013' + m[2], { 'class': 'mention', title: 'code points ' + m[1] + '\u2013' + m[2] });
    });
  }

  nodes.forEach(function (d, i) {
    d.el.addEventListener('click', function (ev) { ev.stopPropagation(); select(i); });
    d.el.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(i); }
    });
  });

  // ---- Search: nodes whose name, alias or id holds the query stay lit.
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    clear(matchList);
    if (!q) {
      svg.classList.remove('searching');
      nodes.forEach(function (d) { d.el.classList.remove('dim'); });
      edges.forEach(function (e) { e.el.classList.remove('dim'); });
      matchCount.textContent = nodes.length + ' nodes';
      return;
    }
    var hits = [];
    nodes.forEach(function (d, i) {
      var hay = [d.name, d.id].concat(d.aliases).join('\n').toLowerCase();
      var hit = hay.indexOf(q) >= 0;
      d.hit = hit;
      d.el.classList.toggle('dim', !hit);
      if (hit) { hits.push(i); }
    });
    edges.forEach(function (e) {
      e.el.classList.toggle('dim', !(nodes[e.s].hit && nodes[e.t].hit));
    });
    svg.classList.add('searching');
    matchCount.textContent = hits.length + ' of ' + nodes.length + ' nodes match';
    hits.slice(0, 60).forEach(function (i) {
      var li = el('li', null, matchList);
      var b = text(li, 'button', nodes[i].label, { type: 'button', 'class': kindClass(nodes[i].kind) });
      b.addEventListener('click', function () { select(i); });
    });
  }
  search.addEventListener('input', runSearch);
  runSearch();
}());
