// Numbers as the dashboard shows them: the API sends decimals as strings; these turn them into fixed-decimal text.

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const quantity = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 4 });
const ratio = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const metric = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const DASH = '\u2014';

function number(text) {
  if (text === undefined || text === null || text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export const formatMoney = (text) => { const v = number(text); return v === null ? DASH : money.format(v); };
export const formatPrice = (text) => { const v = number(text); return v === null ? DASH : price.format(v); };
export const formatQuantity = (text) => { const v = number(text); return v === null ? DASH : quantity.format(v); };
export const formatPercent = (text) => { const v = number(text); return v === null ? DASH : `${ratio.format(v * 100)}%`; };
export const formatRatio = (text) => { const v = number(text); return v === null ? DASH : ratio.format(v); };
export const formatMetric = (value) => { const v = number(value); return v === null ? DASH : metric.format(v); };
export const formatCount = (value) => { const v = number(value); return v === null ? DASH : quantity.format(v); };

/** -1, 0 or 1: for colouring gains and losses. */
export function sign(text) {
  const v = number(text);
  return v === null || v === 0 ? 0 : Math.sign(v);
}

/** A time as HH:MM:SS in UTC (the platform's clock is UTC). */
export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? DASH : date.toISOString().slice(11, 19);
}

export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? DASH : date.toISOString().slice(0, 10);
}

/** An enum's wire name as a label: "partially_filled" -> "partially filled". */
export const formatName = (text) => (text ?? DASH).replaceAll('_', ' ');
