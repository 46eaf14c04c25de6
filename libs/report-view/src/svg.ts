/** Small pieces for writing SVG by hand: escaping, numbers, text, and a rough text width. */

/** The font every chart names; PDF output maps it to the document's embedded font. */
export const FONT = 'Arial, Helvetica, sans-serif';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A coordinate with at most two decimals (SVG does not need more, and the files stay small). */
export const fmt = (v: number): string => String(Math.round(v * 100) / 100);

export interface TextOptions {
  readonly size?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly weight?: 'normal' | 'bold';
  readonly fill?: string;
}

export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const { size = 12, anchor = 'start', weight = 'normal', fill = '#0b0c0c' } = options;
  return (
    `<text x="${fmt(x)}" y="${fmt(y)}" font-family="${FONT}" font-size="${size}" ` +
    `text-anchor="${anchor}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`
  );
}

/** About how wide a text is: an average glyph of a sans-serif font is a little over half its size. */
export const textWidth = (content: string, size: number): number => content.length * size * 0.53;

/** Words broken into lines of at most `width` (a word longer than that gets a line of its own). */
export function wrap(content: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A complete SVG document with its accessible name and description. */
export function svgDocument(
  width: number,
  height: number,
  title: string,
  description: string,
  body: readonly string[],
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" ` +
    `viewBox="0 0 ${fmt(width)} ${fmt(height)}" role="img">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>` +
    `<rect x="0" y="0" width="${fmt(width)}" height="${fmt(height)}" fill="#ffffff"/>` +
    body.join('') +
    '</svg>'
  );
}

/** A chart ready to show, print, embed in a PDF or download. */
export interface ChartSvg {
  /** A file name without extension, e.g. "scores" or "funnel-support". */
  readonly name: string;
  readonly title: string;
  /** What the chart shows, for a screen reader (the same data is in a table beside it). */
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly svg: string;
}
