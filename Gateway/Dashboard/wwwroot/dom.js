// A small element builder: the page builds its rows with textContent only (never innerHTML), so no value is ever markup.

/** An element with attributes (data-* and aria-* included) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A table cell; numeric cells are right-aligned. */
export function cell(text, { numeric = false, testid, className } = {}) {
  const classes = [numeric ? 'num' : null, className].filter(Boolean).join(' ');
  return el('td', { class: classes || null, 'data-testid': testid, text });
}

/** Sets an element's text by its data-testid inside a root. */
export function setText(root, testid, text) {
  const target = root.querySelector(`[data-testid="${testid}"]`);
  if (target && target.textContent !== text) target.textContent = text;
  return target;
}

/** Marks an element as just changed (a brief highlight; CSS runs the animation). */
export function flash(element) {
  element.classList.remove('changed');
  // Reading a layout property restarts the animation when the class comes back.
  void element.offsetWidth;
  element.classList.add('changed');
}
