// @ts-check
// A manifest setting → a GrapesJS trait (one row of the property panel), with the attribute's description as tooltip.

/** @typedef {import('./manifest-elements.js').Setting} Setting */

/**
 * @param {Setting} setting
 * @returns {Record<string, unknown>} GrapesJS trait properties
 */
export function traitFromSetting(setting) {
  const base = {
    name: setting.name,
    label: setting.name,
    // On the trait's row: hovering the label or the field shows what the attribute does.
    attributes: { title: setting.description, 'data-attribute': setting.name },
  };
  const fallback = setting.default === undefined || setting.default === '' ? '' : String(setting.default);
  switch (setting.input) {
    case 'checkbox':
      // GrapesJS writes `true` as a bare attribute and leaves `false` out of the page.
      return { ...base, type: 'checkbox' };
    case 'select':
      return { ...base, type: 'select', options: selectOptions(setting), setValue: setOrRemove };
    case 'number':
      return { ...base, type: 'number', placeholder: fallback, setValue: setOrRemove };
    default:
      return { ...base, type: 'text', placeholder: fallback, setValue: setOrRemove };
  }
}

/**
 * The first option stands for "not set" (the element's default, named in its label), so a panel that was
 * never touched publishes no attribute at all.
 * @param {Setting} setting
 */
function selectOptions(setting) {
  const values = (setting.options ?? []).filter((value) => value !== '');
  const fallback = setting.default === undefined || setting.default === '' ? '' : ` (${setting.default})`;
  return [{ id: '', label: `—${fallback}` }, ...values.map((id) => ({ id, label: id }))];
}

/**
 * An emptied field removes the attribute, so the element's own default applies again and the page stays clean.
 * @param {{ value: unknown, component: any, trait: any, emitUpdate: () => void }} change
 */
function setOrRemove({ value, component, trait, emitUpdate }) {
  const name = trait.getName();
  const text = value === undefined || value === null ? '' : String(value).trim();
  if (text === '') component.removeAttributes(name);
  else component.addAttributes({ [name]: text });
  emitUpdate();
}
