import type { Response } from 'express';

/**
 * A download's headers: saved as `filename`, and never cached, since every file the app sends holds
 * an LA's, the nation's or a researcher's figures.
 */
export function sendAsAttachment(res: Response, filename: string): void {
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
}
