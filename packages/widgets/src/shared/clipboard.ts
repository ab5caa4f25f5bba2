// Copy-to-clipboard with the old fallback: WeChat's and some Android browsers' web views have no
// async clipboard, or refuse it outside a secure context.

/** Copies `text`; resolves false when the browser refused (the caller then selects the text). */
export async function copyText(text: string): Promise<boolean> {
  try {
    const clipboard = globalThis.navigator?.clipboard as Clipboard | undefined;
    if (typeof clipboard?.writeText === 'function') {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    /* refused: try the fallback */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'livehook-copy-buffer';
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Off screen through CSSOM, which a strict CSP allows (it forbids style attributes, not this).
  area.style.setProperty('position', 'fixed');
  area.style.setProperty('top', '-1000px');
  area.style.setProperty('opacity', '0');
  document.body.append(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
