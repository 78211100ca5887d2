// The grains panel: grain types with activations, call rate, latency and errors; a type opens the list of its active
// grains (GET /v1/runtime/grains?type=T), a grain its state (GET /v1/runtime/grains/{type}/{key}).

import { cell, el } from './dom.js';
import { formatCount, formatMetric, formatRatio } from './format.js';

export function createGrainsPanel({ tbody, detail, listTitle, list, error, stateTitle, state }) {
  let selectedType = null;

  async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error(body?.detail ?? body?.title ?? `the server answered ${response.status}`);
    return body;
  }

  async function showType(type) {
    selectedType = type;
    detail.hidden = false;
    listTitle.textContent = `Active ${type} grains`;
    error.textContent = '';
    list.replaceChildren();
    stateTitle.hidden = true;
    state.hidden = true;
    try {
      const grains = await fetchJson(`/v1/runtime/grains?type=${encodeURIComponent(type)}`);
      if (selectedType !== type) return;
      if (grains.length === 0) list.append(el('li', { class: 'empty', text: 'None active now.' }));
      for (const grain of grains) {
        const button = el('button', { type: 'button', class: 'link', 'data-testid': 'grain-item', 'data-key': grain.key, text: grain.key });
        button.addEventListener('click', () => showState(grain.grain_type ?? type, grain.key));
        list.append(el('li', {}, button, el('span', {
          class: 'hint',
          text: ` ${grain.state} · running ${grain.running_requests} · waiting ${grain.waiting_requests} · idle ${formatRatio(grain.idle_seconds)} s`,
        })));
      }
    } catch (failure) {
      error.textContent = `Could not list the ${type} grains: ${failure.message}`;
    }
  }

  async function showState(type, key) {
    error.textContent = '';
    stateTitle.hidden = false;
    stateTitle.textContent = `State of ${type}/${key}`;
    try {
      const view = await fetchJson(`/v1/runtime/grains/${encodeURIComponent(type)}/${encodeURIComponent(key)}`);
      state.textContent = JSON.stringify(view, null, 2);
      state.hidden = false;
    } catch (failure) {
      state.hidden = true;
      error.textContent = `Could not read ${type}/${key}: ${failure.message}`;
    }
  }

  return {
    render(grains) {
      const rows = (grains?.types ?? []).map((type) => {
        const button = el('button', { type: 'button', class: 'link', 'data-testid': 'grain-type', text: type.grain_type, title: type.class_name });
        button.addEventListener('click', () => showType(type.grain_type));
        return el('tr', { 'data-testid': 'grain-type-row', 'data-grain-type': type.grain_type, class: type.activations > 0 ? null : 'idle' },
          el('td', {}, button),
          cell(formatCount(type.activations), { numeric: true, testid: 'grain-activations' }),
          cell(formatRatio(type.calls_per_second), { numeric: true, testid: 'grain-calls-per-second' }),
          cell(formatMetric(type.p50_ms), { numeric: true, testid: 'grain-p50' }),
          cell(formatMetric(type.p99_ms), { numeric: true, testid: 'grain-p99' }),
          cell(formatCount(type.errors), { numeric: true, testid: 'grain-errors', className: type.errors > 0 ? 'loss' : null }));
      });
      tbody.replaceChildren(...rows);
    },
  };
}
