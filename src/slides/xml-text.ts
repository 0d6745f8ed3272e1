/**
 * Text every XML part of a .pptx can carry. XML 1.0 forbids most C0 control characters (U+0000-U+0008, U+000B,
 * U+000C, U+000E-U+001F), U+FFFE, U+FFFF and unpaired surrogates, even as character references
 * (https://www.w3.org/TR/xml/#charsets); text pasted from Word brings some (a vertical tab is Word's manual line
 * break). pptxgenjs escapes & < > " ' in slide, chart and core.xml text but passes control characters through, and
 * does not escape the Company of docProps/app.xml at all (4.0.1, makeXmlApp): see escapeXml.
 */

/** Each forbidden character replaced by a visible stand-in, never dropped: a C0 control by its Unicode Control
 * Picture (U+240B "␋" for a vertical tab), anything else by U+FFFD "�". Tab, line feed and carriage return stay. */
export function xmlSafeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : "\uFFFD";
  });
}

/** The five XML entities, for text pptxgenjs writes without escaping. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * Every string inside plain objects and arrays made XML-safe (other objects, e.g. Decimals, are left as they are).
 * Returns `value` itself when nothing needed changing: a deck's tables are large, and copying them all is wasted work.
 */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === "string") return xmlSafeText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v: unknown, i) => {
      const safe = xmlSafeDeep(v);
      if (safe !== v) (out ??= [...value])[i] = safe;
    });
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const safe = xmlSafeDeep(v);
      if (safe !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = safe;
    }
    return (out ?? value) as T;
  }
  return value;
}
