// Type of a GrapesJS translation file, which the editor imports by the URL the example server gives it.
declare const messages: Record<string, unknown>;
export default messages;
