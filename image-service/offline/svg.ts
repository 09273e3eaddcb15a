/** Just enough SVG building for the renderer: elements as strings, numbers rounded. */

type Attributes = Record<string, string | number | undefined>;

/** One decimal is finer than a pixel and keeps the SVG small and its output stable. */
export function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function el(tag: string, attributes: Attributes, children = ''): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${typeof value === 'number' ? num(value) : escapeXml(value as string)}"`)
    .join(' ');
  return children === '' ? `<${tag} ${attrs}/>` : `<${tag} ${attrs}>${children}</${tag}>`;
}

export function points(list: ReadonlyArray<readonly [number, number]>): string {
  return list.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}

// Characters XML 1.0 forbids (a prompt may hold any of them) would make the whole SVG unreadable.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
