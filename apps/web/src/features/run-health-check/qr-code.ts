import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export interface QrImages {
  /** SVG markup as a data: URL (for an <img> and the SVG download). */
  readonly svg: string;
  /** A 1,200 px PNG as a data: URL (for the PNG download). */
  readonly png: string;
}

/** Medium error correction: survives a crease or a smudge on a printed poster. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The QR code of `text`, made in the browser: nothing about the link leaves the page. */
export async function qrImages(text: string): Promise<QrImages> {
  const [svg, png] = await Promise.all([
    QRCode.toString(text, { ...OPTIONS, type: 'svg' }),
    QRCode.toDataURL(text, { ...OPTIONS, width: 1200 }),
  ]);
  return { svg: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, png };
}

/** The QR images of `text`, once made (null until then, or if making them failed). */
export function useQrImages(text: string): QrImages | null {
  const [made, setMade] = useState<{ text: string; images: QrImages } | null>(null);
  useEffect(() => {
    let current = true;
    qrImages(text).then(
      (images) => current && setMade({ text, images }),
      () => current && setMade(null),
    );
    return () => {
      current = false;
    };
  }, [text]);
  return made?.text === text ? made.images : null;
}
