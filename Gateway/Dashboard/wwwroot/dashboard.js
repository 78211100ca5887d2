// The dashboard's entry point: signs in when the event stream answers 401, then keeps the panels up to date from
// GET /v1/events (snapshot, order, portfolio, grains, models). See docs/dashboard.md.

import { createGrainsPanel } from './grains.js';
import { createModelsPanel } from './models.js';
import { createBlotter } from './orders.js';
import { createPortfolioPanel } from './portfolios.js';
import { openStream } from './stream.js';

const byId = (id) => document.getElementById(id);

const connection = byId('connection');
const callerLabel = byId('caller');
const logout = byId('logout');
const login = byId('login');
const loginForm = byId('login-form');
const loginKey = byId('login-key');
const loginError = byId('login-error');
const panels = byId('panels');

const portfolio = createPortfolioPanel(document.querySelector('section.portfolio'));
const blotter = createBlotter(byId('orders-body'), byId('orders-empty'));
const grains = createGrainsPanel({
  tbody: byId('grains-body'),
  detail: byId('grain-detail'),
  listTitle: byId('grain-list-title'),
  list: byId('grain-list'),
  error: byId('grain-error'),
  stateTitle: byId('grain-state-title'),
  state: byId('grain-state'),
});
const models = createModelsPanel({ container: byId('models-body'), empty: byId('models-empty') });

let stream = null;

function setStatus(text) {
  connection.textContent = text;
  connection.dataset.state = text;
}

const handlers = {
  snapshot(data) {
    const caller = data.caller;
    callerLabel.textContent = `${caller.name} \u00b7 ${caller.role}`;
    callerLabel.dataset.role = caller.role;
    portfolio.setCaller(caller);
    portfolio.reset(data.portfolios ?? []);
    blotter.reset(data.orders ?? []);
    grains.render(data.grains);
    models.render(data.models);
    logout.hidden = false;
    login.hidden = true;
    panels.hidden = false;
  },
  order: (data) => blotter.update(data),
  portfolio: (data) => portfolio.update(data),
  grains: (data) => grains.render(data),
  models: (data) => models.render(data),
};

function connect() {
  stream?.stop();
  setStatus('connecting');
  stream = openStream({
    onEvent: (name, data) => handlers[name]?.(data),
    onStatus: setStatus,
    onUnauthorized: () => showLogin(''),
  });
}

function showLogin(message) {
  stream?.stop();
  stream = null;
  setStatus('signed out');
  callerLabel.textContent = '';
  panels.hidden = true;
  logout.hidden = true;
  login.hidden = false;
  loginError.textContent = message;
  loginKey.focus();
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  loginError.textContent = '';
  try {
    const response = await fetch('/v1/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ key: loginKey.value.trim() }),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      loginError.textContent = response.status === 401 ? 'That key was not accepted.' : `Sign-in failed: ${problem?.detail ?? response.status}`;
      return;
    }
    loginKey.value = '';
    login.hidden = true;
    connect();
  } catch (failure) {
    loginError.textContent = `Could not reach the gateway: ${failure.message}`;
  }
});

logout.addEventListener('click', async () => {
  stream?.stop();
  await fetch('/v1/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => null);
  showLogin('Signed out.');
});

connect();
