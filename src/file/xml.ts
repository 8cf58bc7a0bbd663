/**
 * String-level XML helpers for editing OOXML parts in place: ITOS changes a few elements of a
 * part and leaves every other byte of it as the producing program wrote it.
 */

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values keep their line breaks and tabs as character references. */
export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function attrPattern(name: string): RegExp {
  return new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
}

/** An attribute of a start tag, unescaped; null when absent. */
export function getAttr(tag: string, name: string): string | null {
  const m = attrPattern(name).exec(startTag(tag));
  if (!m) return null;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** The start tag of an element's text ("<c r="A1" s="2">" of "<c r="A1" s="2"><v>1</v></c>"). */
export function startTag(element: string): string {
  const end = element.indexOf(">");
  return end < 0 ? element : element.slice(0, end + 1);
}

/** Sets (or with null removes) an attribute in an element's start tag; the rest is unchanged. */
export function setAttr(element: string, name: string, value: string | null): string {
  const tag = startTag(element);
  const rest = element.slice(tag.length);
  const pattern = attrPattern(name);
  let next: string;
  if (pattern.test(tag)) {
    next =
      value === null
        ? tag.replace(pattern, "")
        : tag.replace(pattern, ` ${name}="${escapeAttr(value)}"`);
  } else if (value === null) {
    next = tag;
  } else {
    const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
    next = `${tag.slice(0, close)} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
  }
  return next + rest;
}

/** Every element named `name` (self-closing or with content; not nested in itself) in text. */
export function elementPattern(name: string): RegExp {
  return new RegExp(`<${name}(?=[\\s/>])(?:[^>]*?/>|[^>]*>[\\s\\S]*?</${name}>)`, "g");
}

export function elements(text: string, name: string): string[] {
  return text.match(elementPattern(name)) ?? [];
}

/** Where an element's content sits: [start of content, end of content], or null when absent. */
export interface Span {
  /** Index of the element's "<". */
  start: number;
  /** Index just after the element. */
  end: number;
  /** The element's text. */
  text: string;
}

export function findElement(text: string, name: string, from = 0): Span | null {
  const re = elementPattern(name);
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

/** The inner text of an element ("" for a self-closing one). */
export function innerOf(element: string): string {
  const tag = startTag(element);
  if (tag.endsWith("/>")) return "";
  return element.slice(tag.length, element.lastIndexOf("</"));
}

/** The element with new inner text (a self-closing element is opened). */
export function withInner(element: string, name: string, inner: string): string {
  const tag = startTag(element);
  const open = tag.endsWith("/>") ? `${tag.slice(0, -2).trimEnd()}>` : tag;
  return `${open}${inner}</${name}>`;
}

export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Where a new child element goes so the schema's order holds: before the first of `after`
 * present in the text, else before the closing tag of the root.
 */
export function insertionPoint(text: string, after: readonly string[], rootName: string): number {
  let best = -1;
  for (const name of after) {
    const m = new RegExp(`<${name}(?=[\\s/>])`).exec(text);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best >= 0 ? best : text.lastIndexOf(`</${rootName}>`);
}

/** The element with `content` added at the end of what it holds. */
export function appendInner(element: string, name: string, content: string): string {
  return withInner(element, name, innerOf(element) + content);
}

/**
 * The text with the element `name` as `edit` makes it from its current text (null when absent):
 * replaced where it stands, or, when new, added where the schema puts it (see insertionPoint).
 * An edit that gives "" removes the element, or adds nothing.
 */
export function editElement(
  text: string,
  name: string,
  place: { after: readonly string[]; rootName: string },
  edit: (element: string | null) => string
): string {
  const found = findElement(text, name);
  const next = edit(found ? found.text : null);
  if (found) return splice(text, found.start, found.end, next);
  if (next === "") return text;
  const at = insertionPoint(text, place.after, place.rootName);
  return splice(text, at, at, next);
}
