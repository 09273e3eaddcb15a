import { el, escapeXml } from './svg.js';

/** Installed here and in the Docker image; the others are fallbacks for a bare machine. */
export const CAPTION_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** DejaVu Sans averages about 0.6 em per character; a slight overestimate keeps lines inside. */
const CHAR_WIDTH_EM = 0.62;

export interface CaptionLayout {
  lines: string[];
  fontSize: number;
  lineHeight: number;
  bandHeight: number;
}

/**
 * Fit a caption to the picture's width: wrapped on spaces (a very long word is cut), at most two
 * lines (three on a tall picture), the last ending in "…" when the text does not fit.
 */
export function layoutCaption(text: string, width: number, height: number): CaptionLayout {
  const fontSize = Math.round(Math.min(42, Math.max(9, width / 34)));
  const padding = Math.max(4, Math.round(fontSize * 0.6));
  const perLine = Math.max(4, Math.floor((width - padding * 2) / (fontSize * CHAR_WIDTH_EM)));
  const maxLines = height >= width * 1.3 ? 3 : 2;
  const lines = wrap(text.replace(/\s+/g, ' ').trim(), perLine, maxLines);
  const lineHeight = Math.round(fontSize * 1.3);
  return { lines, fontSize, lineHeight, bandHeight: lines.length * lineHeight + padding * 2 };
}

export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const words = text.split(' ').filter(Boolean).flatMap((word) => chunks(word, perLine));
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') current = word;
    else if (`${current} ${word}`.length <= perLine) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  kept[maxLines - 1] = `${[...last].slice(0, perLine - 1).join('').trimEnd()}…`;
  return kept;
}

/** A word longer than a line, in line-sized pieces (by code point, so no emoji is split). */
function chunks(word: string, size: number): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/** The caption as SVG: a dark translucent band along the bottom, white centred text. */
export function drawCaption(text: string, width: number, height: number): string {
  if (text.trim() === '') return '';
  const layout = layoutCaption(text, width, height);
  const top = height - layout.bandHeight;
  const band = el('rect', { x: 0, y: top, width, height: layout.bandHeight, fill: '#000000', opacity: 0.55 });
  const first = top + (layout.bandHeight - layout.lines.length * layout.lineHeight) / 2 + layout.fontSize;
  const lines = layout.lines
    .map((line, i) =>
      el(
        'text',
        {
          x: width / 2,
          y: first + i * layout.lineHeight,
          'font-family': CAPTION_FONT,
          'font-size': layout.fontSize,
          fill: '#ffffff',
          'text-anchor': 'middle',
        },
        escapeXml(line),
      ),
    )
    .join('');
  return band + lines;
}
