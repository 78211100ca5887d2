// The order blotter: the latest orders, newest first; a row updates in place and flashes when its status changes.

import { cell, el, flash } from './dom.js';
import { formatName, formatPrice, formatQuantity, formatTime } from './format.js';

const MAX_ROWS = 200;
const DASH = '\u2014';

export function createBlotter(tbody, empty) {
  const rows = new Map();
  const showEmpty = () => { empty.hidden = rows.size > 0; };

  function fill(row, order) {
    row.replaceChildren(
      cell(formatTime(order.updated_at), { testid: 'order-updated' }),
      cell(order.client_order_id, { testid: 'order-id', className: 'mono' }),
      cell(order.portfolio_id, { testid: 'order-portfolio' }),
      cell(order.symbol, { testid: 'order-symbol' }),
      cell(order.side, { testid: 'order-side', className: `side-${order.side}` }),
      cell(order.type ? formatName(order.type) : DASH, { testid: 'order-type' }),
      cell(formatQuantity(order.qty), { numeric: true, testid: 'order-qty' }),
      cell(formatQuantity(order.filled_qty), { numeric: true, testid: 'order-filled-qty' }),
      cell(formatPrice(order.limit_price), { numeric: true, testid: 'order-limit-price' }),
      cell(formatPrice(order.avg_fill_price), { numeric: true, testid: 'order-avg-fill-price' }),
      el('td', {}, el('span', { class: `status status-${order.status}`, 'data-testid': 'order-status', text: order.status })),
      cell(order.denial_code ?? '', { testid: 'order-denial', className: 'mono' }),
    );
    row.dataset.status = order.status;
    row.dataset.updatedAt = order.updated_at;
    row.title = order.status_reason ?? '';
  }

  /** Moves the row to its place by updated_at (newest first): usually the top. */
  function place(row) {
    let before = tbody.firstElementChild;
    while (before && before !== row && before.dataset.updatedAt > row.dataset.updatedAt) before = before.nextElementSibling;
    if (before !== row) tbody.insertBefore(row, before);
  }

  function trim() {
    while (rows.size > MAX_ROWS) {
      const oldest = tbody.lastElementChild;
      rows.delete(oldest.dataset.orderId);
      oldest.remove();
    }
  }

  return {
    reset(orders) {
      rows.clear();
      tbody.replaceChildren();
      for (const order of [...orders].sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1)).slice(0, MAX_ROWS)) {
        const row = el('tr', { 'data-testid': 'order-row', 'data-order-id': order.client_order_id });
        fill(row, order);
        rows.set(order.client_order_id, row);
        tbody.append(row);
      }
      showEmpty();
    },

    update(order) {
      let row = rows.get(order.client_order_id);
      const changed = !row || row.dataset.status !== order.status;
      if (!row) {
        row = el('tr', { 'data-testid': 'order-row', 'data-order-id': order.client_order_id });
        rows.set(order.client_order_id, row);
      }
      fill(row, order);
      place(row);
      trim();
      if (changed) flash(row);
      showEmpty();
    },
  };
}
