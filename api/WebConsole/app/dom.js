/** Builds an element: attributes (event handlers as on*), then children (strings become text, never HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** "m:ss" or "h:mm:ss" from seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * Before a view is drawn again: notes the focused control (by its data-key) and its caret; the returned function gives
 * them back in the new drawing, or, when that control is gone, focuses its nearest <paramref name="fallback"/> container.
 */
export function keepFocus(fallback) {
  const active = document.activeElement;
  const key = active?.dataset?.key;
  const container = fallback ? active?.closest?.(fallback) : null;
  const containerSelector = container ? `${fallback.slice(0, -1)}="${CSS.escape(container.getAttribute(fallback.slice(1, -1)))}"]` : null;
  let caret = null;
  try { caret = typeof active?.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null; } catch { caret = null; }
  return root => {
    if (active && active !== document.body && active.isConnected) return; // not redrawn: it keeps the focus as it is
    const again = key ? root.querySelector(`[data-key="${CSS.escape(key)}"]`) : null;
    if (again) {
      again.focus();
      if (caret) { try { again.setSelectionRange(caret[0], caret[1]); } catch { /* not a text field */ } }
    } else if (containerSelector) {
      root.querySelector(containerSelector)?.focus();
    }
  };
}
