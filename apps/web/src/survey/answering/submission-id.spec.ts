import { newSubmissionId } from './submission-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newSubmissionId', () => {
  it('uses crypto.randomUUID where the browser has it', () => {
    const randomUUID = vi.fn(() => '123e4567-e89b-42d3-a456-426614174000' as const);
    const id = newSubmissionId({ randomUUID } as unknown as Crypto);
    expect(id).toBe('123e4567-e89b-42d3-a456-426614174000');
  });

  it('makes a version 4 UUID from getRandomValues outside secure contexts (plain http)', () => {
    const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.fill(0xff);
      return array;
    };
    const id = newSubmissionId({ getRandomValues } as unknown as Crypto);
    expect(id).toMatch(UUID_V4);
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('does not repeat itself', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newSubmissionId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
