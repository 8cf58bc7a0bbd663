/**
 * manifest.xml as a small tree that keeps element order (the schema is a sequence, so order
 * matters), with namespace prefixes dropped from names: "bt:Image" is "Image".
 */
import { XMLParser } from "fast-xml-parser";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type Ordered = Record<string, unknown>;

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function toElement(node: Ordered): XmlElement | null {
  const name = Object.keys(node).find((k) => k !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return null;
  const raw = (node[name] as Ordered[]) ?? [];
  const attrs = (node[":@"] as Record<string, string>) ?? {};
  const children = raw.map(toElement).filter((e): e is XmlElement => e !== null);
  const text = raw
    .filter((c) => "#text" in c)
    .map((c) => String(c["#text"]))
    .join("")
    .trim();
  return { name: localName(name), attrs, children, text };
}

export function parseXml(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = (parser.parse(xml) as Ordered[])
    .map(toElement)
    .filter((e): e is XmlElement => e !== null);
  if (roots.length !== 1) throw new Error(`Expected one root element, found ${roots.length}`);
  return roots[0];
}

/** Every element below (and including) `root`, depth first, with its ancestors. */
export function walk(
  root: XmlElement,
  ancestors: XmlElement[] = []
): { element: XmlElement; ancestors: XmlElement[] }[] {
  const here = [{ element: root, ancestors }];
  return here.concat(...root.children.map((c) => walk(c, [...ancestors, root])));
}

export function child(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.filter((c) => c.name === name);
  if (found.length !== 1)
    throw new Error(`<${parent.name}> should have exactly one <${name}>, has ${found.length}`);
  return found[0];
}

/** Follows a path of child names: path(root, "VersionOverrides", "Hosts", "Host"). */
export function path(root: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, root);
}

export function findAll(
  root: XmlElement,
  predicate: (e: XmlElement, ancestors: XmlElement[]) => boolean
): XmlElement[] {
  return walk(root)
    .filter(({ element, ancestors }) => predicate(element, ancestors))
    .map(({ element }) => element);
}
