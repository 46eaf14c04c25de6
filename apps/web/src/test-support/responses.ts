/** What the api answers in unit tests: a JSON body (or none) with a status. */
export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Makes `fetch` answer every call with `answer` (restored after each test); returns the spy. */
export function answerFetch(answer: (url: string, init?: RequestInit) => Promise<Response>) {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation((input, init) =>
      answer(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        init,
      ),
    );
}
