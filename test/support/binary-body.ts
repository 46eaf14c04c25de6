import type request from 'supertest';

/** Raw bytes of a response, for supertest's `.parse()` (it would otherwise read a PDF as text). */
export const binaryBody = (
  res: request.Response,
  done: (err: Error | null, body: Buffer) => void,
): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
