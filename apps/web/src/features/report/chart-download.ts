import type { ChartSvg } from '@swhc/report-view';

/** A chart as a file the browser saves (no server round trip: the SVG is already on the page). */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the moment it needs to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(chart: ChartSvg, stem: string): void {
  save(new Blob([chart.svg], { type: 'image/svg+xml' }), `${stem}-${chart.name}.svg`);
}

/** Pixels per CSS pixel of a PNG: 3 puts a 680 px chart at over 200 dpi across a 10-inch slide. */
export const PNG_SCALE = 3;

/** The chart drawn onto a canvas at PNG_SCALE and saved as PNG. */
export async function downloadPng(chart: ChartSvg, stem: string): Promise<void> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = chart.width * PNG_SCALE;
  canvas.height = chart.height * PNG_SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('This browser cannot save the chart as PNG');
  save(blob, `${stem}-${chart.name}.png`);
}
