// The portfolio panel: pick a portfolio; its figures, trading-state badge, equity and drawdown charts, positions and
// risk limits; for admin keys the kill switch (PUT /v1/portfolios/{id}/trading_state after a confirm step).

import { drawLineChart } from './chart.js';
import { cell, el, setText } from './dom.js';
import { formatCount, formatMoney, formatName, formatPercent, formatPrice, formatQuantity, formatRatio, formatTime, sign } from './format.js';

const LIMITS = [
  ['max_order_quantity', 'Max order quantity', formatQuantity],
  ['max_order_notional', 'Max order notional', formatMoney],
  ['max_position_notional', 'Max position notional', formatMoney],
  ['max_gross_exposure', 'Max gross exposure (x equity)', formatRatio],
  ['max_net_exposure', 'Max net exposure (x equity)', formatRatio],
  ['max_concentration', 'Max concentration', formatPercent],
  ['max_open_orders', 'Max open orders', formatCount],
  ['max_orders_per_second', 'Max orders per second', formatCount],
  ['price_collar', 'Price collar', formatPercent],
  ['daily_loss_limit', 'Daily loss limit', formatMoney],
  ['max_drawdown', 'Max drawdown', formatPercent],
  ['margin_multiplier', 'Margin multiplier', formatRatio],
];

const QUESTIONS = {
  halted: 'Halt trading? New orders are denied; cancels are still allowed.',
  reducing: 'Switch to reducing? Only orders that reduce exposure are allowed.',
  active: 'Resume trading? Orders pass the risk rules as usual.',
};

export function createPortfolioPanel(root) {
  const select = root.querySelector('#portfolio-select');
  const body = root.querySelector('#portfolio-body');
  const empty = root.querySelector('#portfolio-empty');
  const badge = root.querySelector('#trading-state');
  const reason = root.querySelector('#trading-reason');
  const killSwitch = root.querySelector('#kill-switch');
  const confirm = root.querySelector('#kill-confirm');
  const question = root.querySelector('#kill-question');
  const reasonInput = root.querySelector('#kill-reason');
  const result = root.querySelector('#kill-result');
  const equityChart = root.querySelector('#equity-chart');
  const drawdownChart = root.querySelector('#drawdown-chart');
  const positions = root.querySelector('#positions-body');
  const limits = root.querySelector('#risk-limits');

  const portfolios = new Map();
  let selected = null;
  let isAdmin = false;
  let requestedState = null;

  function renderOptions() {
    const ids = [...portfolios.keys()].sort();
    if (selected === null || !portfolios.has(selected)) selected = ids[0] ?? null;
    const current = [...select.options].map((o) => o.value);
    if (current.join('\n') !== ids.join('\n')) select.replaceChildren(...ids.map((id) => el('option', { value: id, text: id })));
    select.value = selected ?? '';
    select.disabled = ids.length === 0;
  }

  function setFigure(testid, text, signed) {
    const target = setText(body, testid, text);
    if (target && signed !== undefined) {
      target.classList.toggle('gain', signed > 0);
      target.classList.toggle('loss', signed < 0);
    }
  }

  function render() {
    renderOptions();
    const p = selected === null ? null : portfolios.get(selected);
    empty.hidden = p !== null;
    body.hidden = p === null;
    badge.hidden = p === null;
    if (p === null) {
      reason.textContent = '';
      return;
    }
    badge.textContent = p.trading_state.toUpperCase();
    badge.dataset.state = p.trading_state;
    reason.textContent = p.trading_state_reason ?? '';

    setFigure('equity', formatMoney(p.equity));
    setFigure('cash', formatMoney(p.cash));
    setFigure('buying-power', formatMoney(p.buying_power));
    setFigure('day-pnl', formatMoney(p.day_pnl), sign(p.day_pnl));
    setFigure('realized-pnl', formatMoney(p.realized_pnl), sign(p.realized_pnl));
    setFigure('unrealized-pnl', formatMoney(p.unrealized_pnl), sign(p.unrealized_pnl));
    setFigure('fees', formatMoney(p.fees));
    setFigure('gross-exposure', formatMoney(p.gross_exposure));
    setFigure('net-exposure', formatMoney(p.net_exposure));
    setFigure('drawdown', formatPercent(p.drawdown), -sign(p.drawdown));
    setFigure('high-water-mark', formatMoney(p.high_water_mark));
    setFigure('open-order-count', formatCount(p.open_order_count));

    for (const button of killSwitch.querySelectorAll('button[data-state]')) button.disabled = button.dataset.state === p.trading_state;

    const curve = p.equity_curve.map((point) => ({ time: Date.parse(point.time), value: Number(point.equity) }));
    drawLineChart(equityChart, curve, { formatValue: formatMoney, formatTime: (t) => formatTime(new Date(t).toISOString()), emptyText: 'No equity points yet' });
    let peak = -Infinity;
    const drawdown = curve.map((point) => {
      peak = Math.max(peak, point.value);
      return { time: point.time, value: peak > 0 ? -(peak - point.value) / peak : 0 };
    });
    drawLineChart(drawdownChart, drawdown, {
      formatValue: (v) => formatPercent(v),
      formatTime: (t) => formatTime(new Date(t).toISOString()),
      // Drawn down from zero, at least one percent deep, so a flat curve is not blown up to fill the chart.
      range: (lo) => [Math.min(lo, -0.01), 0],
      area: true,
      emptyText: 'No drawdown yet',
    });

    positions.replaceChildren(...p.positions.map((position) => el('tr', { 'data-testid': 'position-row', 'data-symbol': position.symbol },
      cell(position.symbol, { testid: 'position-symbol' }),
      cell(formatQuantity(position.qty), { numeric: true, testid: 'position-qty' }),
      cell(formatPrice(position.avg_entry_price), { numeric: true, testid: 'position-avg-price' }),
      cell(formatPrice(position.last_price), { numeric: true, testid: 'position-last-price' }),
      cell(formatMoney(position.market_value), { numeric: true, testid: 'position-market-value' }),
      cell(formatMoney(position.unrealized_pnl), { numeric: true, testid: 'position-unrealized-pnl', className: pnlClass(position.unrealized_pnl) }),
      cell(formatMoney(position.realized_pnl), { numeric: true, testid: 'position-realized-pnl', className: pnlClass(position.realized_pnl) }))));
    if (p.positions.length === 0) positions.append(el('tr', {}, el('td', { colspan: 7, class: 'empty', text: 'No positions.' })));

    const risk = p.risk_limits ?? {};
    limits.replaceChildren(
      ...LIMITS.map(([field, label, format]) => el('div', {}, el('dt', { text: label }),
        el('dd', { class: 'num', 'data-testid': `limit-${field.replaceAll('_', '-')}`, text: risk[field] === undefined ? 'none' : format(risk[field]) }))),
      el('div', {}, el('dt', { text: 'Short selling' }), el('dd', { 'data-testid': 'limit-allow-short-selling', text: risk.allow_short_selling ? 'allowed' : 'not allowed' })));
  }

  function pnlClass(text) {
    const s = sign(text);
    return s > 0 ? 'gain' : s < 0 ? 'loss' : null;
  }

  function ask(state) {
    requestedState = state;
    question.textContent = `${selected}: ${QUESTIONS[state]}`;
    reasonInput.value = '';
    result.textContent = '';
    confirm.dataset.state = state;
    confirm.hidden = false;
    reasonInput.focus();
  }

  async function send(event) {
    event.preventDefault();
    const state = requestedState;
    const id = selected;
    confirm.hidden = true;
    result.textContent = `Setting ${id} to ${formatName(state)}\u2026`;
    try {
      const response = await fetch(`/v1/portfolios/${encodeURIComponent(id)}/trading_state`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ state, reason: reasonInput.value.trim() }),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => null);
        result.textContent = `Refused: ${problem?.detail ?? problem?.title ?? response.status}`;
        return;
      }
      result.textContent = `${id} set to ${formatName(state)}.`;
    } catch (failure) {
      result.textContent = `Could not reach the gateway: ${failure.message}`;
    }
  }

  for (const button of killSwitch.querySelectorAll('button[data-state]')) button.addEventListener('click', () => ask(button.dataset.state));
  root.querySelector('#kill-cancel').addEventListener('click', () => {
    confirm.hidden = true;
    requestedState = null;
  });
  confirm.addEventListener('submit', send);
  window.addEventListener('resize', render);
  select.addEventListener('change', () => {
    selected = select.value;
    confirm.hidden = true;
    result.textContent = '';
    render();
  });

  return {
    setCaller(caller) {
      isAdmin = caller?.role === 'admin';
      killSwitch.hidden = !isAdmin;
    },
    reset(list) {
      portfolios.clear();
      for (const p of list) portfolios.set(p.portfolio_id, p);
      render();
    },
    update(portfolio) {
      portfolios.set(portfolio.portfolio_id, portfolio);
      render();
    },
  };
}
