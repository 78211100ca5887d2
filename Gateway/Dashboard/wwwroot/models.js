// The model registry: per model its champion, challengers and every version's stage, training metrics and live IC / ICIR.

import { cell, el } from './dom.js';
import { formatDate, formatMetric } from './format.js';

const DASH = '\u2014';

export function createModelsPanel({ container, empty }) {
  return {
    render(models) {
      const list = models?.models ?? [];
      empty.hidden = list.length > 0;
      container.replaceChildren(...list.map((model) => {
        const champion = model.versions.find((v) => v.version === model.champion);
        const head = el('div', { class: 'model-head' },
          el('h3', { text: model.model }),
          el('span', { class: 'hint', 'data-testid': 'model-champion', text: model.champion ? `champion v${model.champion}` : 'no champion' }),
          el('span', { class: 'hint', 'data-testid': 'model-challengers', text: model.challengers.length ? `challengers ${model.challengers.map((c) => `v${c}`).join(', ')}` : 'no challengers' }),
          el('span', { class: 'hint', 'data-testid': 'model-live-ic', text: champion?.live_ic !== undefined ? `live IC ${formatMetric(champion.live_ic)} · ICIR ${formatMetric(champion.live_icir)}` : 'live IC not known yet' }));
        const rows = model.versions.map((v) => el('tr', { 'data-testid': 'model-version-row', 'data-version': v.version },
          cell(`v${v.version}`),
          el('td', {}, el('span', { class: `stage stage-${v.stage}`, 'data-testid': 'model-stage', text: v.stage })),
          cell(v.kind),
          cell(`${formatDate(v.trained_from)} \u2013 ${formatDate(v.trained_to)}`),
          cell(formatMetric(v.metrics?.test_ic), { numeric: true }),
          cell(v.live_rounds ?? DASH, { numeric: true, testid: 'model-live-rounds' }),
          cell(formatMetric(v.live_ic), { numeric: true, testid: 'model-version-live-ic' }),
          cell(formatMetric(v.live_icir), { numeric: true, testid: 'model-version-live-icir' }),
          cell(formatMetric(v.live_rank_ic), { numeric: true })));
        const table = el('table', { class: 'data' },
          el('thead', {}, el('tr', {}, ...['Version', 'Stage', 'Kind', 'Trained on', 'Test IC', 'Live rounds', 'Live IC', 'Live ICIR', 'Live Rank IC']
            .map((h, i) => el('th', { scope: 'col', class: i >= 4 ? 'num' : null, text: h })))),
          el('tbody', {}, ...rows));
        return el('article', { class: 'model', 'data-testid': 'model', 'data-model': model.model }, head, table);
      }));
    },
  };
}
