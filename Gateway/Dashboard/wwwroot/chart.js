// A line chart drawn as SVG by hand: value axis with three grid lines, first and last time under it, the line,
// and a dot on the latest point. Colours come from dashboard.css classes (no inline styles: the CSP forbids them).

const SVG = 'http://www.w3.org/2000/svg';

function node(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Draws points ([{ time: Date ms, value: number }], oldest first) into svg at its size on the page (so text keeps its
 * size). formatValue labels the value axis; range(min, max) may widen the value range; area shades between the line and zero.
 */
export function drawLineChart(svg, points, { formatValue, formatTime, range = (lo, hi) => [lo, hi], area = false, emptyText = 'No data yet' }) {
  const width = Math.max(320, Math.round(svg.clientWidth || 640));
  const height = Math.max(60, Math.round(svg.clientHeight || 200));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const left = 78;
  const right = 12;
  const top = 10;
  const bottom = 20;
  svg.replaceChildren();
  svg.dataset.points = String(points.length);
  if (points.length === 0) {
    svg.append(node('text', { x: width / 2, y: height / 2, class: 'chart-empty', 'text-anchor': 'middle' }, emptyText));
    delete svg.dataset.last;
    return;
  }

  let [min, max] = range(Math.min(...points.map((p) => p.value)), Math.max(...points.map((p) => p.value)));
  if (min === max) {
    const pad = Math.abs(min) * 0.001 || 1;
    min -= pad;
    max += pad;
  }
  const first = points[0].time;
  const last = points[points.length - 1].time;
  const span = last - first || 1;
  const x = (time) => (points.length === 1 ? left + (width - left - right) / 2 : left + ((time - first) / span) * (width - left - right));
  const y = (value) => top + (1 - (value - min) / (max - min)) * (height - top - bottom);

  for (const fraction of [0, 0.5, 1]) {
    const value = min + fraction * (max - min);
    const at = y(value);
    svg.append(node('line', { x1: left, x2: width - right, y1: at, y2: at, class: 'chart-grid' }));
    svg.append(node('text', { x: left - 6, y: at + 4, class: 'chart-label', 'text-anchor': 'end' }, formatValue(value)));
  }
  svg.append(node('text', { x: left, y: height - 4, class: 'chart-label', 'text-anchor': 'start' }, formatTime(first)));
  if (points.length > 1)
    svg.append(node('text', { x: width - right, y: height - 4, class: 'chart-label', 'text-anchor': 'end' }, formatTime(last)));

  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  if (area && points.length > 1) {
    const base = y(max >= 0 && min <= 0 ? 0 : max);
    svg.append(node('path', { d: `${line} L${x(last).toFixed(1)},${base.toFixed(1)} L${x(first).toFixed(1)},${base.toFixed(1)} Z`, class: 'chart-area' }));
  }
  svg.append(node('path', { d: line, class: 'chart-line' }));
  const end = points[points.length - 1];
  svg.append(node('circle', { cx: x(end.time), cy: y(end.value), r: 3, class: 'chart-dot' }));
  svg.dataset.last = formatValue(end.value);
}
